import * as resources from '@pulumi/azure-native/resources';
import * as pulumi from '@pulumi/pulumi';
import { HardenedCluster } from 'secure-aks/pulumi';
import { cluster } from './definition';

const config = new pulumi.Config();
const resourceGroup = new resources.ResourceGroup('resource-group', {
  resourceGroupName: config.get('resourceGroupName') ?? `${cluster.name}-rg`,
  location: cluster.location,
});

const aks = new HardenedCluster(cluster.name, { ...cluster, resourceGroupName: resourceGroup.name });

export const clusterId = aks.clusterId;
export const privateFqdn = aks.privateFqdn;
export const apiServerSubnetId = aks.apiServerSubnetId;
export const kubeconfig = aks.kubeconfig;
