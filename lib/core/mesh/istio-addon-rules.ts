import { kubernetesVersion } from '../aks/rules/cluster-facts';
import { kubernetesMinor } from '../aks/validation-helpers';
import { clusterRule, ClusterRule, ClusterRuleContext } from '../rules/cluster-rule';
import { elementConditionRule } from '../rules/condition-rule';
import { Cond } from '../rules/resource-condition';
import { Rules } from '../validation/rule-catalog';
import { AKS_ISTIO_REVISIONS, aksIstioRevision } from './aks-istio-revisions';

/**
 * The AKS Istio add-on: a revision Microsoft publishes for the cluster's
 * version, and no internet-facing ingress gateway. Its end of life is a
 * support window (lib/core/versions/support-window-rules.ts).
 * @see https://learn.microsoft.com/azure/aks/istio-support-policy
 * @see https://learn.microsoft.com/azure/aks/istio-deploy-ingress
 */

const MESH = 'properties.serviceMeshProfile';

function istioOn(c: ClusterRuleContext): boolean {
  const mode = c.text(c.fact(`${MESH}.mode`));
  return mode !== undefined && mode.toLowerCase() === 'istio';
}

export const ISTIO_ADDON_RULES: readonly ClusterRule[] = [
  clusterRule(Rules.istioAddonRevision, 'cluster', (c) => {
    if (!istioOn(c)) return;
    c.each(c.list(`${MESH}.istio.revisions`), (r) => {
      const revision = c.text(r.asFact());
      const row = revision === undefined ? undefined : aksIstioRevision(revision.toLowerCase());
      if (!row) {
        c.fail(r, `use a revision of Microsoft's calendar: ${AKS_ISTIO_REVISIONS.map((x) => x.revision).join(', ')} (az aks mesh get-revisions)`);
        return;
      }
      const version = kubernetesVersion(c);
      if (version !== undefined && !row.compatibleKubernetes.includes(kubernetesMinor(version))) {
        c.fail(r, `use a revision compatible with Kubernetes ${kubernetesMinor(version)}; ${row.revision} runs on ${row.compatibleKubernetes.join(', ')}`);
      }
    });
  }),
  elementConditionRule(
    Rules.istioAddonExternalIngress,
    Cond.is(`${MESH}.mode`, 'Istio'),
    `${MESH}.istio.components.ingressGateways`,
    Cond.allOf(Cond.is('mode', 'External'), Cond.is('enabled', true)),
    (c, g) => c.fail(g, 'serve clients through the internal ingress gateway, behind your own firewall or Application Gateway', { value: 'External' }),
  ),
];
