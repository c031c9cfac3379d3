import * as resources from '@pulumi/azure-native/resources';
import * as pulumi from '@pulumi/pulumi';
import { RegulatedPlatform } from 'secure-aks/pulumi';
import { build } from './definition';

// Run from a network that reaches both private API servers (a peered hub or a self-hosted
// agent); the Kubernetes providers use the clusters' Entra ID kubeconfigs (kubelogin).
const config = new pulumi.Config();
// `pulumi config set meshDistribution aksIstioAddon` runs the mesh on the AKS Istio add-on.
const platform = build(config.get('meshDistribution') as 'openSourceIstio' | 'aksIstioAddon' | undefined);
const resourceGroup = new resources.ResourceGroup('resource-group', {
  resourceGroupName: config.get('resourceGroupName') ?? 'regulated-platform-rg',
  location: platform.client.config.location,
});

const stack = new RegulatedPlatform('platform', { platform, resourceGroupName: resourceGroup.name });

export const clientClusterId = stack.client.clusterId;
export const serverClusterId = stack.server.clusterId;
export const ingressIp = platform.ingressIp;
