import { shellWord } from '../reports/shell-word';
import { parseResourceId } from '../arm/resource-id';
import { ClusterDescription } from '../description/cluster-description';
import { RESOURCE_GROUP_PLACEHOLDER } from '../readers/arm-template/deployment-scope';

/**
 * The `az` commands an auditor runs to re-check each fact of the statement on
 * the live cluster. The queries use the Azure CLI's names, which camel-case
 * the SDK's (`authorizedIpRanges` for the REST API's `authorizedIPRanges`).
 * @see https://learn.microsoft.com/cli/azure/aks#az-aks-show
 */

/** A resource group as an argument: `<placeholder>` where the document does not tell it (a template deploys to any). */
function groupArgument(group: string | undefined, placeholder: string): string {
  return group === undefined || group === RESOURCE_GROUP_PLACEHOLDER ? placeholder : shellWord(group);
}

/** `--resource-group <rg> --name <cluster>`, with placeholders where the description does not tell them. */
function clusterArguments(cluster: ClusterDescription): string {
  const id = typeof cluster.resource.id === 'string' ? parseResourceId(cluster.resource.id) : undefined;
  const name = typeof cluster.resource.name === 'string' ? cluster.resource.name : '<cluster-name>';
  return `--resource-group ${groupArgument(id?.resourceGroup, '<resource-group>')} --name ${name.startsWith('<') ? name : shellWord(name)}`;
}

/** `az aks show` of the cluster with a JMESPath query. */
function aksShow(cluster: ClusterDescription, query: string): string {
  return `az aks show ${clusterArguments(cluster)} --query ${shellWord(query)}`;
}

/** The commands, by what they re-check. */
export const Recheck = {
  publicEndpoint: (c: ClusterDescription) =>
    aksShow(c, '{private: apiServerAccessProfile.enablePrivateCluster, authorizedIpRanges: apiServerAccessProfile.authorizedIpRanges, publicNetworkAccess: publicNetworkAccess, fqdn: fqdn}'),
  privateEndpoint: (c: ClusterDescription) =>
    aksShow(c, '{private: apiServerAccessProfile.enablePrivateCluster, privateDnsZone: apiServerAccessProfile.privateDnsZone, privateFqdn: privateFqdn, nodeSubnets: agentPoolProfiles[].vnetSubnetId}'),
  vnetIntegration: (c: ClusterDescription) => aksShow(c, '{vnetIntegration: apiServerAccessProfile.enableVnetIntegration, subnet: apiServerAccessProfile.subnetId}'),
  runCommand: (c: ClusterDescription) => aksShow(c, 'apiServerAccessProfile.disableRunCommand'),
  publicFqdn: (c: ClusterDescription) => aksShow(c, '{publicFqdnEnabled: apiServerAccessProfile.enablePrivateClusterPublicFqdn, fqdn: fqdn, privateFqdn: privateFqdn}'),
  zoneLinks: (zoneId: string | undefined) => {
    const zone = zoneId ? parseResourceId(zoneId) : undefined;
    return zone
      ? `az network private-dns link vnet list --resource-group ${groupArgument(zone.resourceGroup, '<zone-resource-group>')} --zone-name ${shellWord(zone.names[0])} --output table`
      : 'az network private-dns link vnet list --resource-group <zone-resource-group> --zone-name <zone-name> --output table';
  },
  peerings: (vnet: { readonly name?: string; readonly resourceGroup?: string }) =>
    `az network vnet peering list --resource-group ${groupArgument(vnet.resourceGroup, '<vnet-resource-group>')} --vnet-name ${vnet.name ? shellWord(vnet.name) : '<vnet-name>'} --output table`,
};
