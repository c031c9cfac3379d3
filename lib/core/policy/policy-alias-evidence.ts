/**
 * Why each alias a compiled definition uses exists, beside the built-in
 * definitions that use it (built-in-policy-aliases.generated.ts): the
 * provider's own alias list, as the ARM providers API returns it
 * (`GET /providers/Microsoft.ContainerService?$expand=resourceTypes/aliases`)
 * in the dated snapshot PSRule for Azure keeps; or, for a property newer
 * than that snapshot, the provider's naming rule.
 * @see https://learn.microsoft.com/rest/api/resources/providers/get
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-alias
 */

/** The provider snapshot the aliases below were read in. */
export const PROVIDER_ALIAS_SNAPSHOT = {
  repository: 'Azure/PSRule.Rules.Azure',
  path: 'data/providers/microsoft.containerservice/types.json',
  commit: 'c9395476659724a0634a41b66263d7c42bd428c5',
  licence: 'MIT',
  /** The newest API version of `managedClusters` the snapshot lists. */
  newestApiVersion: '2023-04-02-preview',
} as const;

/** Aliases the compiled definitions use that the snapshot lists and no built-in definition uses. */
export const PROVIDER_SNAPSHOT_ALIASES: readonly string[] = [
  'Microsoft.ContainerService/managedClusters/aadProfile.enableAzureRBAC',
  'Microsoft.ContainerService/managedClusters/addonProfiles.omsagent.enabled',
  'Microsoft.ContainerService/managedClusters/agentPoolProfiles[*].enableNodePublicIP',
  'Microsoft.ContainerService/managedClusters/agentPoolProfiles[*].osType',
  'Microsoft.ContainerService/managedClusters/dnsPrefix',
  'Microsoft.ContainerService/managedClusters/fqdnSubdomain',
  'Microsoft.ContainerService/managedClusters/networkProfile.networkPolicy',
  'Microsoft.ContainerService/managedClusters/sku.tier',
];

/**
 * The provider's naming rule, which every property of `managedClusters` in
 * the snapshot follows (beside a few older names kept as aliases too, such as
 * `apiServerAuthorizedIPRanges` and `securityProfile.azureDefender`): the
 * property `properties.<p>` is the alias `<type>/<p>`, `sku.<p>` is
 * `<type>/sku.<p>`, and a list's elements are `<list>[*]`.
 */
export const PROVIDER_NAMING_RULE =
  'properties.<p> of Microsoft.ContainerService/managedClusters is the alias Microsoft.ContainerService/managedClusters/<p>, and the elements of a list <l> are <l>[*], as for every other property of the type in the provider snapshot';

/** Aliases of properties newer than every snapshot: absent from it, named by the provider's naming rule. */
export const ALIASES_NEWER_THAN_SNAPSHOTS: ReadonlyArray<{ readonly alias: string; readonly property: string }> = [
  { alias: 'Microsoft.ContainerService/managedClusters/networkProfile.networkDataplane', property: 'properties.networkProfile.networkDataplane' },
  { alias: 'Microsoft.ContainerService/managedClusters/networkProfile.advancedNetworking.security.transitEncryption.type', property: 'properties.networkProfile.advancedNetworking.security.transitEncryption.type' },
  { alias: 'Microsoft.ContainerService/managedClusters/serviceMeshProfile.mode', property: 'properties.serviceMeshProfile.mode' },
  { alias: 'Microsoft.ContainerService/managedClusters/serviceMeshProfile.istio.components.ingressGateways[*]', property: 'properties.serviceMeshProfile.istio.components.ingressGateways' },
  { alias: 'Microsoft.ContainerService/managedClusters/serviceMeshProfile.istio.components.ingressGateways[*].mode', property: 'properties.serviceMeshProfile.istio.components.ingressGateways[].mode' },
  { alias: 'Microsoft.ContainerService/managedClusters/serviceMeshProfile.istio.components.ingressGateways[*].enabled', property: 'properties.serviceMeshProfile.istio.components.ingressGateways[].enabled' },
];

/** Fields Azure Policy knows for every resource, which are not aliases. */
export const POLICY_RESOURCE_FIELDS: readonly string[] = ['type', 'identity.type'];
