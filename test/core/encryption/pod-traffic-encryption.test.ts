import { expect, test } from 'vitest';
import { ManagedClusterModel } from '../../../lib';
import { describeDefinition } from '../../../lib/core/aks/definition-description';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { ClusterDescription, describeDeployment } from '../../../lib/core/description/cluster-description';
import { DeployedTransitEncryption, transitEncryptionOfCluster } from '../../../lib/core/encryption/pod-traffic-encryption';
import { TRANSIT_ENCRYPTION_RULES } from '../../../lib/core/encryption/transit-encryption-rules';
import { readDocument } from '../../../lib/core/readers/read-document';
import { evaluateClusterRules } from '../../../lib/core/rules/evaluate-cluster-rules';
import { Verdict } from '../../../lib/core/rules/rule-outcome';
import { Rules } from '../../../lib/core/validation/rule-catalog';
import { VALID_CLUSTERS } from '../../support/cluster-fixtures';

/** The verdicts of "some transit encryption" (SAKS-ENC-013) and "not virtual network encryption alone" (SAKS-ENC-020) for each report. */
const VERDICTS_OF: Readonly<Record<DeployedTransitEncryption['kind'], readonly [Verdict, Verdict]>> = {
  acnsWireGuard: ['pass', 'pass'],
  calicoWireGuard: ['pass', 'pass'],
  virtualNetworkEncryption: ['pass', 'fail'],
  none: ['fail', 'pass'],
  'not-verified': ['undecided', 'undecided'],
};

/** The transit encryption the reports state, and the outcomes of the rules that read the same. */
function bothReadings(cluster: ClusterDescription) {
  const rules = TRANSIT_ENCRYPTION_RULES.filter((r) => r.rule === Rules.transitEncryptionNone || r.rule === Rules.vnetEncryptionOnly);
  const outcomes = evaluateClusterRules(cluster, rules);
  return { encryption: transitEncryptionOfCluster(cluster), verdicts: outcomes.map((o) => o.verdict), outcomes };
}

const SUBNET = "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke', 'nodes')]";

/** A template's one cluster with `networkProfile` (and other `properties`), its nodes in `vnet`'s subnet when there is one. */
function ofTemplate(networkProfile: Record<string, unknown>, vnet?: { readonly encryption: unknown }, parameters: Record<string, unknown> = {}, properties: Record<string, unknown> = {}) {
  const resources: Record<string, unknown>[] = [
    {
      type: 'Microsoft.ContainerService/managedClusters',
      apiVersion: '2025-07-01',
      name: 'transit',
      location: 'westeurope',
      properties: { ...properties, networkProfile, agentPoolProfiles: [{ name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4s_v5', ...(vnet ? { vnetSubnetID: SUBNET } : {}) }] },
    },
  ];
  if (vnet) {
    resources.push({
      type: 'Microsoft.Network/virtualNetworks',
      apiVersion: '2024-05-01',
      name: 'spoke',
      location: 'westeurope',
      properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] }, encryption: vnet.encryption, subnets: [{ name: 'nodes', properties: { addressPrefix: '10.1.0.0/22' } }] },
    });
  }
  const template = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters, resources };
  const [cluster] = describeDeployment([readDocument(template, 'main.json')]).clusters;
  return { cluster, ...bothReadings(cluster) };
}

const WIREGUARD = (type: unknown) => ({ networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataplane: 'cilium', advancedNetworking: { enabled: true, security: { transitEncryption: { type } } } });
const ENCRYPTED = { encryption: { enabled: true, enforcement: 'AllowUnencrypted' } };

test('each definition\'s transit encryption is read the same by the report and the rules', () => {
  const cases = { defaults: 'acnsWireGuard', acnsPodSubnetObservability: 'acnsWireGuard', calicoWireGuard: 'calicoWireGuard', vnetEncryption: 'virtualNetworkEncryption' } as const;
  for (const [name, kind] of Object.entries(cases)) {
    const { encryption, verdicts } = bothReadings(describeDefinition(ManagedClusterModel.build(VALID_CLUSTERS[name as keyof typeof cases]).config));
    expect([name, encryption.kind, verdicts]).toEqual([name, kind, VERDICTS_OF[kind]]);
  }
});

test('a cluster on the network AKS manages, with no WireGuard, is unencrypted in both', () => {
  const { encryption, verdicts } = ofTemplate({ networkPlugin: 'azure', networkPluginMode: 'overlay' });
  expect(encryption).toEqual({ kind: 'none', reason: 'no WireGuard, and the network AKS manages has no virtual network encryption' });
  expect(verdicts).toEqual(VERDICTS_OF.none);
});

test('the nodes\' virtual network decides: encrypted, or not, named in the reason', () => {
  const encrypted = ofTemplate({ networkPlugin: 'azure' }, ENCRYPTED);
  expect(encrypted.encryption).toEqual({ kind: 'virtualNetworkEncryption', reason: 'virtual network spoke has encryption enabled' });
  expect(encrypted.verdicts).toEqual(VERDICTS_OF.virtualNetworkEncryption);
  const plain = ofTemplate({ networkPlugin: 'azure' }, { encryption: undefined });
  expect(plain.encryption).toEqual({ kind: 'none', reason: 'neither WireGuard nor encryption on virtual network spoke' });
  expect(plain.verdicts).toEqual(VERDICTS_OF.none);
});

test('WireGuard written in another case is ACNS WireGuard for the report and the rules alike', () => {
  for (const type of ['WireGuard', 'wireguard', 'WIREGUARD']) {
    const { encryption, verdicts } = ofTemplate(WIREGUARD(type));
    expect([type, encryption.kind, verdicts]).toEqual([type, 'acnsWireGuard', VERDICTS_OF.acnsWireGuard]);
  }
});

test('a value not known offline is not verified in the report and undecided by the rules, with the same reason', () => {
  const byParameter = ofTemplate(WIREGUARD("[parameters('encryption')]"), undefined, { encryption: { type: 'string' } });
  const byVnet = ofTemplate({ networkPlugin: 'azure' }, { encryption: { enabled: "[parameters('encrypt')]" } }, { encrypt: { type: 'bool' } });
  for (const { encryption, verdicts, outcomes } of [byParameter, byVnet]) {
    expect(encryption.kind).toBe('not-verified');
    expect(verdicts).toEqual(VERDICTS_OF['not-verified']);
    expect(encryption.reason).toBe(outcomes[0].undecided[0].reason);
  }
});

test('the nodes\' virtual network not read, or Calico network policy without the objects applied in the cluster: not verified, never "unencrypted"', () => {
  const shown = {
    id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/alone',
    name: 'alone',
    type: 'Microsoft.ContainerService/ManagedClusters',
    location: 'westeurope',
    properties: { networkProfile: { networkPlugin: 'azure' }, agentPoolProfiles: [{ name: 'system', vnetSubnetID: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke/subnets/nodes' }] },
  };
  const [alone] = describeDeployment([readDocument(shown, 'cluster.json')]).clusters;
  const notRead = bothReadings(alone);
  expect(notRead.encryption).toEqual({ kind: 'not-verified', reason: "whether the nodes' virtual network is encrypted: the virtual network spoke is not among the resources read" });
  expect(notRead.verdicts).toEqual(VERDICTS_OF['not-verified']);
  const calico = ofTemplate({ networkPlugin: 'azure', networkPolicy: 'Calico' });
  expect(calico.encryption.kind).toBe('not-verified');
  expect(calico.encryption.reason).toMatch(/^Calico network policy/);
  expect(calico.verdicts).toEqual(VERDICTS_OF['not-verified']);
});

test('the audit states the rules\' reading, and its coverage rows follow from it', () => {
  const { cluster, encryption } = ofTemplate(WIREGUARD('wireguard'));
  const audit = auditCluster(cluster);
  expect(audit.transitEncryption).toEqual(encryption);
  expect(audit.coverage.find((f) => f.flow === 'pod-to-pod-cross-node')).toMatchObject({ status: 'encrypted', by: expect.stringContaining('WireGuard (ACNS') });
});

test('API Server VNet Integration with the nodes\' network encryption not known offline: SAKS-ENC-010 is undecided, as the coverage is not verified, never passed', () => {
  const integrated = (encryption: unknown, parameters: Record<string, unknown> = {}) => {
    const { cluster, encryption: read } = ofTemplate({ networkPlugin: 'azure' }, { encryption }, parameters, { apiServerAccessProfile: { enableVnetIntegration: true } });
    const [outcome] = evaluateClusterRules(cluster, TRANSIT_ENCRYPTION_RULES.filter((r) => r.rule === Rules.vnetEncryptionWithVnetIntegration));
    return { read, outcome };
  };
  expect(integrated(ENCRYPTED.encryption).outcome.verdict).toBe('fail');
  expect(integrated(undefined).outcome.verdict).toBe('pass');
  const unknown = integrated({ enabled: "[parameters('encrypt')]" }, { encrypt: { type: 'bool' } });
  expect([unknown.read.kind, unknown.outcome.verdict]).toEqual(['not-verified', 'undecided']);
  expect(unknown.outcome.undecided[0].reason).toBe(unknown.read.reason);
});
