/**
 * Why each alias a compiled definition uses exists, beside the built-in
 * definitions that use it (built-in-policy-aliases.generated.ts) and the
 * providers' own alias lists (provider-aliases.generated.ts,
 * listed-aliases.generated.ts): for a property
 * newer than every snapshot of its provider, the provider's naming rule.
 * @see https://learn.microsoft.com/rest/api/resources/providers/get
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-alias
 */

/**
 * The providers' naming rule, which every alias the definitions use and the
 * snapshots and lists name follows (each listed with the REST path it
 * names): the property `properties.<p>` of a resource type is the alias
 * `<type>/<p>`, `sku.<p>` is `<type>/sku.<p>`, a list's elements are
 * `<list>[*]`, and the `properties` of a nested resource (a virtual
 * network's inline subnet) is left out.
 */
export const PROVIDER_NAMING_RULE =
  'properties.<p> of a resource type <type> is the alias <type>/<p>, sku.<p> is <type>/sku.<p>, the elements of a list <l> are <l>[*], and the properties member of a nested resource is left out, as for every alias the definitions use that the providers\' alias lists name';

/**
 * Aliases of properties newer than every snapshot: absent from it, named by
 * the provider's naming rule, each with the REST property it names and what
 * the snapshot does list of it.
 */
export const ALIASES_NEWER_THAN_SNAPSHOTS: ReadonlyArray<{ readonly alias: string; readonly property: string; readonly why: string }> = [
  {
    alias: 'Microsoft.ContainerService/managedClusters/networkProfile.advancedNetworking.security.transitEncryption.type',
    property: 'properties.networkProfile.advancedNetworking.security.transitEncryption.type',
    why: 'the snapshot (newest managedClusters API version 2025-08-02-preview) lists its parent, Microsoft.ContainerService/managedClusters/networkProfile.advancedNetworking.security.transitEncryption for properties.networkProfile.advancedNetworking.security.transitEncryption, but not the type inside it, which REST API 2026-06-01 carries and Microsoft documents for WireGuard encryption (https://learn.microsoft.com/azure/aks/container-network-security-wireguard-encryption-concepts)',
  },
];

/** Fields Azure Policy knows for every resource, which are not aliases. */
export const POLICY_RESOURCE_FIELDS: readonly string[] = ['type', 'identity.type'];
