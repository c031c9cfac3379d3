/**
 * The network policy engine a network profile runs, as AKS deploys it:
 * `networkPolicy`, or Cilium when the profile names the Cilium dataplane and
 * no policy (Cilium enforces Kubernetes NetworkPolicies itself). One reading
 * for every check of a payload: the baseline's control and the payload rules.
 * @see https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium
 * @category Network and identity
 */
export function networkPolicyEngine(networkProfile: { readonly networkPolicy?: unknown; readonly networkDataplane?: unknown } | undefined): string | undefined {
  const policy = networkProfile?.networkPolicy;
  if (typeof policy === 'string') return policy;
  return networkProfile?.networkDataplane === 'cilium' ? 'cilium' : undefined;
}
