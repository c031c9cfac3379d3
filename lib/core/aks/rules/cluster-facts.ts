import { DescribedResource } from '../../description/described-resource';
import { DescribedValue } from '../../description/described-value';
import { Fact } from '../../description/fact';
import { ClusterRuleContext } from '../../rules/cluster-rule';
import { KUBERNETES_VERSION } from '../validation-helpers';

/**
 * The facts of a cluster several rules read, each read once here: what
 * `enablePrivateCluster` means, which ranges are authorized, which version
 * runs. Every name and enum value is compared without regard to case, as
 * Azure Resource Manager compares them.
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update
 */

/** Whether two enum values are the same, as ARM compares them. */
export function same(a: unknown, b: string): boolean {
  return typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** `apiServerAccessProfile.enablePrivateCluster`: absent is a public API server. */
export function isPrivateCluster(c: ClusterRuleContext): boolean {
  return c.bool(c.fact('properties.apiServerAccessProfile.enablePrivateCluster')) === true;
}

/** `apiServerAccessProfile.enableVnetIntegration`. */
export function hasVnetIntegration(c: ClusterRuleContext): boolean {
  return c.bool(c.fact('properties.apiServerAccessProfile.enableVnetIntegration')) === true;
}

/**
 * The authorized ranges: `apiServerAccessProfile.authorizedIPRanges`, or the
 * pre-GA `apiServerAuthorizedIPRanges` older templates still write.
 * @see https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges
 */
export function authorizedRanges(c: ClusterRuleContext): { readonly at: Fact; readonly ranges: readonly DescribedValue[] } {
  const current = c.fact('properties.apiServerAccessProfile.authorizedIPRanges');
  const legacy = c.fact('properties.apiServerAuthorizedIPRanges');
  const at = current.state === 'absent' && legacy.state !== 'absent' ? legacy : current;
  if (at.state === 'absent') return { at, ranges: [] };
  return { at, ranges: c.list(at.path) };
}

/** The Kubernetes version when it is a well-formed one (`1.33` or `1.33.2`). */
export function kubernetesVersion(c: ClusterRuleContext): string | undefined {
  const v = c.text(c.fact('properties.kubernetesVersion'));
  return v !== undefined && KUBERNETES_VERSION.test(v) ? v : undefined;
}

/** Whether the control plane identity is user-assigned. */
export function isUserAssigned(c: ClusterRuleContext): boolean {
  return same(c.text(c.fact('identity.type')), 'UserAssigned');
}

/** The node pools' subnet ids as written (a value each; unknown values included). */
export function nodeSubnetIds(c: ClusterRuleContext): unknown[] {
  return c.pools().map((p) => c.reference(p.profile.fact('vnetSubnetID'))).filter((id) => id !== undefined);
}

/** The network plugin, policy engine and dataplane of the network profile. */
export function networkPolicyEngineOf(c: ClusterRuleContext): string | undefined {
  const policy = c.text(c.fact('properties.networkProfile.networkPolicy'));
  // An empty policy is no policy, as an absent one is.
  if (policy !== undefined && policy !== '') return policy.toLowerCase();
  // Cilium enforces NetworkPolicies itself when the dataplane is Cilium and no policy is named.
  // https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium
  return same(c.text(c.fact('properties.networkProfile.networkDataplane')), 'cilium') ? 'cilium' : undefined;
}

/**
 * Whether the cluster is AKS Automatic, which configures its network policy,
 * workload identity and OIDC issuer itself: what the document leaves unset
 * there is Azure's choice, not absent.
 * @see https://learn.microsoft.com/azure/aks/intro-aks-automatic
 */
export function isAksAutomatic(c: ClusterRuleContext): boolean {
  return same(c.text(c.fact('sku.name')), 'Automatic');
}

/** The resources of a type deployed on the cluster (an extension resource's scope), those under a condition not known included. */
export function extensionResources(c: ClusterRuleContext, type: string): DescribedResource[] {
  return c.cluster.extensionsOfType(type);
}

/** Whether a resource is deployed for certain (not under a condition the reader could not evaluate). */
export function certain(r: DescribedResource): boolean {
  return r.condition === undefined;
}
