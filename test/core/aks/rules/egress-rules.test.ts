import { expect, test } from 'vitest';
import { EGRESS_RULES } from '../../../../lib/core/aks/rules/egress-rules';
import { describeDeployment } from '../../../../lib/core/description/cluster-description';
import { readDocument } from '../../../../lib/core/readers/read-document';
import { evaluateClusterRules } from '../../../../lib/core/rules/evaluate-cluster-rules';
import { Rules } from '../../../../lib/core/validation/rule-catalog';

const CLUSTER_ID = "[resourceId('Microsoft.ContainerService/managedClusters', 'isolated')]";

/** A template deploying an isolated cluster and, optionally, resources on it. */
function template(networkProfile: Record<string, unknown>, onCluster: Record<string, unknown>[] = [], parameters: Record<string, unknown> = {}) {
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters,
    resources: [
      {
        type: 'Microsoft.ContainerService/managedClusters',
        apiVersion: '2025-07-01',
        name: 'isolated',
        location: 'westeurope',
        properties: { networkProfile: { outboundType: 'none', ...networkProfile } },
      },
      ...onCluster.map((r) => ({ scope: CLUSTER_ID, dependsOn: [CLUSTER_ID], ...r })),
    ],
  };
}

const flux = (extensionType: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'Microsoft.KubernetesConfiguration/extensions',
  apiVersion: '2024-11-01',
  name: 'flux',
  properties: { extensionType },
  ...extra,
});

function outcomeOf(document: unknown) {
  const [cluster] = describeDeployment([readDocument(document, 'main.json')]).clusters;
  const [outcome] = evaluateClusterRules(cluster, EGRESS_RULES.filter((r) => r.rule === Rules.networkIsolatedUnsupported));
  return outcome;
}

test('kubenet on a network-isolated cluster fails, at the network plugin, with the payload fix', () => {
  const o = outcomeOf(template({ networkPlugin: 'Kubenet' }));
  expect(o.verdict).toBe('fail');
  expect(o.findings.map((f) => [f.property, f.value])).toEqual([['properties.networkProfile.networkPlugin', 'Kubenet']]);
  expect(o.findings[0].fix).toMatch(/overlay/);
});

test('the Flux extension on a network-isolated cluster fails at its extension type; another extension passes', () => {
  const failing = outcomeOf(template({ networkPlugin: 'azure', networkPluginMode: 'overlay' }, [flux('microsoft.flux')]));
  expect(failing.verdict).toBe('fail');
  expect(failing.findings[0].detail).toMatch(/GitOps \(Flux\)/);
  expect(outcomeOf(template({ networkPlugin: 'azure' }, [flux('Microsoft.Dapr')])).verdict).toBe('pass');
});

test('a Flux configuration implies the extension', () => {
  const config = { type: 'Microsoft.KubernetesConfiguration/fluxConfigurations', apiVersion: '2024-11-01', name: 'apps', properties: { sourceKind: 'GitRepository' } };
  expect(outcomeOf(template({ networkPlugin: 'azure' }, [config])).verdict).toBe('fail');
});

test('an extension whose type is a parameter without default, or deployed under an unknown condition, is undecided', () => {
  const byParameter = outcomeOf(template({ networkPlugin: 'azure' }, [flux("[parameters('extensionType')]")], { extensionType: { type: 'string' } }));
  expect(byParameter.verdict).toBe('undecided');
  const conditional = outcomeOf(template({ networkPlugin: 'azure' }, [flux('microsoft.flux', { condition: "[parameters('gitOps')]" })], { gitOps: { type: 'bool' } }));
  expect(conditional.verdict).toBe('undecided');
});

test('kubenet still fails when the Flux part is undecided', () => {
  const o = outcomeOf(template({ networkPlugin: 'kubenet' }, [flux("[parameters('extensionType')]")], { extensionType: { type: 'string' } }));
  expect(o.verdict).toBe('fail');
  expect(o.undecided.length).toBeGreaterThan(0);
});

test('a cluster read alone (az aks show) cannot show its extensions: undecided, not pass', () => {
  const shown = { id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/isolated', name: 'isolated', type: 'Microsoft.ContainerService/ManagedClusters', location: 'westeurope', properties: { networkProfile: { outboundType: 'none', networkPlugin: 'azure' } } };
  expect(outcomeOf(shown).verdict).toBe('undecided');
});

test('a cluster with egress is not this rule\'s business', () => {
  const t = template({ networkPlugin: 'kubenet' }, [flux('microsoft.flux')]);
  (t.resources[0] as any).properties.networkProfile.outboundType = 'userDefinedRouting';
  expect(outcomeOf(t).verdict).toBe('pass');
});
