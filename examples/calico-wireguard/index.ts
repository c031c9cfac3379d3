import * as resources from '@pulumi/azure-native/resources';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { App } from 'cdk8s';
import { ChartDeployment, HardenedCluster } from 'secure-aks/pulumi';
import { charts, cluster } from './definition';

const config = new pulumi.Config();
const resourceGroup = new resources.ResourceGroup('resource-group', {
  resourceGroupName: config.get('resourceGroupName') ?? `${cluster.name}-rg`,
  location: cluster.location,
});
const aks = new HardenedCluster(cluster.name, { ...cluster, resourceGroupName: resourceGroup.name });

// The private API server is reachable from the cluster network and linked networks only:
// run this from there. The kubeconfig is Entra ID (exec) and needs kubelogin on the PATH.
const provider = new k8s.Provider('claims-prod', { kubeconfig: aks.kubeconfig, enableServerSideApply: true });
const app = new App();
charts(app);
for (const chart of app.charts) new ChartDeployment(chart.node.id, { chart, provider });

export const clusterId = aks.clusterId;
export const kubeconfig = aks.kubeconfig;
