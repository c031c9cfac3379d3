import { Fix } from '../rules/cluster-rule';

/** A feature Microsoft does not support on a network-isolated cluster, and how to do without it. */
export interface UnsupportedWhenIsolated {
  readonly feature: 'kubenet' | 'gitOps';
  readonly detail: string;
  readonly fix: Exclude<Fix, string>;
}

const KUBENET: UnsupportedWhenIsolated = {
  feature: 'kubenet',
  detail: 'kubenet is not supported on network isolated clusters',
  fix: {
    definition: 'use Azure CNI Overlay (PodNetworking.azureCniOverlay(), the default) on a network-isolated cluster',
    payload: 'use networkPlugin "azure" with networkPluginMode "overlay" on a network-isolated cluster',
  },
};

const GITOPS: UnsupportedWhenIsolated = {
  feature: 'gitOps',
  detail: 'the GitOps (Flux) extension is not supported on network isolated clusters',
  fix: {
    definition: "deliver the cluster's objects with ClusterDelivery.pulumiKubernetes() from a network that reaches its API server",
    payload: "remove the microsoft.flux extension and its Flux configurations; deliver the cluster's objects from a network that reaches its API server",
  },
};

/**
 * What a network-isolated cluster (outbound type `none`) may not use, of the
 * features Microsoft lists as unsupported there that the library can see: the
 * kubenet network plugin and the GitOps (Flux) extension (SAKS-EGR-009). The
 * one predicate; the cluster rule reads its inputs from a description.
 * @see https://learn.microsoft.com/azure/aks/concepts-network-isolated
 */
export function networkIsolatedUnsupported(outboundType: string, networkPlugin: string | undefined, gitOps: boolean): UnsupportedWhenIsolated[] {
  if (outboundType.toLowerCase() !== 'none') return [];
  return [...(networkPlugin?.toLowerCase() === 'kubenet' ? [KUBENET] : []), ...(gitOps ? [GITOPS] : [])];
}
