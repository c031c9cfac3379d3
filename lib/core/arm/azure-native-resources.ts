/**
 * How one ARM type is a typed resource of the azure-native Pulumi provider:
 * its type token below `azure-native:` (the same in every API version module,
 * `azure-native:network/v20240501:VirtualNetwork`), the arguments its name
 * segments go to (parent first), and, for an extension resource, the
 * argument that takes its scope.
 * @see https://www.pulumi.com/registry/packages/azure-native/
 * @category ARM templates
 */
export interface AzureNativeTypedResource {
  /** `<module>:<Resource>`, e.g. `network:VirtualNetwork`. */
  readonly token: string;
  readonly nameArgs: readonly string[];
  readonly scopeArg?: string;
}

/**
 * The ARM types the library registers through azure-native's typed resources
 * or reads from them (the policy pack): one table for both.
 * @category ARM templates
 */
export const AZURE_NATIVE_TYPED_RESOURCES: Readonly<Record<string, AzureNativeTypedResource>> = {
  'Microsoft.ContainerService/managedClusters': { token: 'containerservice:ManagedCluster', nameArgs: ['resourceName'] },
  // A node pool declared as its own resource (read by the policy pack; the library writes its pools inline).
  'Microsoft.ContainerService/managedClusters/agentPools': { token: 'containerservice:AgentPool', nameArgs: ['resourceName', 'agentPoolName'] },
  'Microsoft.Authorization/roleAssignments': { token: 'authorization:RoleAssignment', nameArgs: ['roleAssignmentName'], scopeArg: 'scope' },
  'Microsoft.Authorization/locks': { token: 'authorization:ManagementLockByScope', nameArgs: ['lockName'], scopeArg: 'scope' },
  'Microsoft.Insights/diagnosticSettings': { token: 'monitor:DiagnosticSetting', nameArgs: ['name'], scopeArg: 'resourceUri' },
  'Microsoft.Network/virtualNetworks': { token: 'network:VirtualNetwork', nameArgs: ['virtualNetworkName'] },
  'Microsoft.Network/virtualNetworks/subnets': { token: 'network:Subnet', nameArgs: ['virtualNetworkName', 'subnetName'] },
  'Microsoft.Network/virtualNetworks/virtualNetworkPeerings': { token: 'network:VirtualNetworkPeering', nameArgs: ['virtualNetworkName', 'virtualNetworkPeeringName'] },
  'Microsoft.Network/networkSecurityGroups': { token: 'network:NetworkSecurityGroup', nameArgs: ['networkSecurityGroupName'] },
  'Microsoft.Network/routeTables': { token: 'network:RouteTable', nameArgs: ['routeTableName'] },
  'Microsoft.Network/privateDnsZones': { token: 'privatedns:PrivateZone', nameArgs: ['privateZoneName'] },
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks': { token: 'privatedns:VirtualNetworkLink', nameArgs: ['privateZoneName', 'virtualNetworkLinkName'] },
  'Microsoft.Network/privateDnsZones/A': { token: 'privatedns:PrivateRecordSet', nameArgs: ['privateZoneName', 'relativeRecordSetName'] },
  // Named by the cluster's resource provider, type and name rather than a scope argument.
  'Microsoft.KubernetesConfiguration/extensions': { token: 'kubernetesconfiguration:Extension', nameArgs: ['extensionName'] },
  'Microsoft.ManagedIdentity/userAssignedIdentities': { token: 'managedidentity:UserAssignedIdentity', nameArgs: ['resourceName'] },
  'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials': {
    token: 'managedidentity:FederatedIdentityCredential',
    nameArgs: ['resourceName', 'federatedIdentityCredentialResourceName'],
  },
};
