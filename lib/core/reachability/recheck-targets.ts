import { ClusterDescription } from '../description/cluster-description';
import { describedRecheckTarget, recheckCommand } from '../reports/recheck-command';

/** The REST paths each path of the statement rests on, re-read on the live cluster by the one recheck command. */
const access = (name: string) => `properties.apiServerAccessProfile.${name}`;

/** The commands that re-check each path, by what they re-check. */
export const Recheck = {
  publicEndpoint: (c: ClusterDescription) =>
    recheckCommand(describedRecheckTarget(c.resource), [access('enablePrivateCluster'), access('authorizedIPRanges'), 'properties.publicNetworkAccess', 'properties.fqdn']),
  privateEndpoint: (c: ClusterDescription) =>
    recheckCommand(describedRecheckTarget(c.resource), [access('enablePrivateCluster'), access('privateDNSZone'), 'properties.privateFQDN', 'properties.agentPoolProfiles[].vnetSubnetID']),
  vnetIntegration: (c: ClusterDescription) => recheckCommand(describedRecheckTarget(c.resource), [access('enableVnetIntegration'), access('subnetId')]),
  runCommand: (c: ClusterDescription) => recheckCommand(describedRecheckTarget(c.resource), access('disableRunCommand')),
  publicFqdn: (c: ClusterDescription) => recheckCommand(describedRecheckTarget(c.resource), [access('enablePrivateClusterPublicFQDN'), 'properties.fqdn', 'properties.privateFQDN']),
  zoneLinks: (zoneId: string | undefined) => recheckCommand({ kind: 'azure-children', children: 'private-dns-zone-links', parentId: zoneId }),
  peerings: (vnet: { readonly name?: string; readonly resourceGroup?: string; readonly id?: string }) =>
    recheckCommand({ kind: 'azure-children', children: 'virtual-network-peerings', parentId: vnet.id, parentName: vnet.name, resourceGroup: vnet.resourceGroup }),
};
