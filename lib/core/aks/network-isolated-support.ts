import { Rules } from '../validation/rule-catalog';
import { Violation } from '../validation/violation';

/**
 * What a network-isolated cluster (outbound type `none`) may not use: the
 * features Microsoft lists as unsupported on network isolated clusters that
 * the library can configure, the kubenet network plugin and the GitOps (Flux)
 * extension (SAKS-EGR-009). A pure predicate, for the cluster rules to call
 * with the resolved outbound type and network plugin.
 * @see https://learn.microsoft.com/azure/aks/concepts-network-isolated
 */
export function networkIsolatedUnsupported(outboundType: string, networkPlugin: string | undefined, gitOps: boolean): Violation[] {
  if (outboundType !== 'none') return [];
  const out: Violation[] = [];
  if (networkPlugin === 'kubenet') {
    out.push({
      rule: Rules.networkIsolatedUnsupported,
      property: 'podNetworking',
      value: 'kubenet',
      fix: 'use Azure CNI Overlay (PodNetworking.azureCniOverlay(), the default) on a network-isolated cluster',
      detail: 'kubenet is not supported on network isolated clusters',
    });
  }
  if (gitOps) {
    out.push({
      rule: Rules.networkIsolatedUnsupported,
      property: 'delivery',
      value: 'gitOps',
      fix: 'deliver the cluster\'s objects with ClusterDelivery.pulumiKubernetes() from a network that reaches its API server',
      detail: 'the GitOps (Flux) extension is not supported on network isolated clusters',
    });
  }
  return out;
}
