/**
 * Names `az aks show` writes differently from the REST API: the Azure CLI
 * camel-cases its SDK's attribute names, so acronyms lose their capitals
 * (`enableRbac` for `enableRBAC`). Keyed by the lowercase name. Checked
 * against the serialized names of Microsoft's `@azure/arm-containerservice`
 * models in the tests.
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/get
 * @internal
 */
export const REST_NAMES_BY_LOWERCASE: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'enableRBAC',
    'nodeOSUpgradeChannel',
    'keyVaultNetworkAccess',
    'enableAzureRBAC',
    'privateDNSZone',
    'enablePrivateClusterPublicFQDN',
    'authorizedIPRanges',
    'dnsServiceIP',
    'enableNodePublicIP',
    'nodePublicIPPrefixID',
    'enableFIPS',
    'diskEncryptionSetID',
    'osSKU',
    'privateFQDN',
    'azurePortalFQDN',
    'vnetSubnetID',
    'podSubnetID',
    'managedOutboundIPs',
    'outboundIPs',
    'outboundIPPrefixes',
    'effectiveOutboundIPs',
    'enableUltraSSD',
    'hostGroupID',
    'proximityPlacementGroupID',
    'capacityReservationGroupID',
    'issuerURL',
    'resourceUID',
  ].map((name) => [name.toLowerCase(), name]),
);
