import { beforeAll, expect, test } from 'vitest';
import { ApiVersions } from '../../lib';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

let resources: RecordedResource[];

beforeAll(async () => {
  ({ resources } = await installMocks());
});

test('the offline template is a private cluster: system zone, no public FQDN, run command off, delegated /28', async () => {
  const target = (await import('../../examples/private-cluster/definition')).default;
  const template = JSON.parse(target.artifacts()['cluster.template.json']);
  const cluster = template.resources.find((r: any) => r.type === 'Microsoft.ContainerService/managedClusters');
  expect(cluster.apiVersion).toBe(ApiVersions.managedClusters);
  expect(cluster.properties.apiServerAccessProfile).toMatchObject({
    enablePrivateCluster: true,
    privateDNSZone: 'system',
    enablePrivateClusterPublicFQDN: false,
    disableRunCommand: true,
    enableVnetIntegration: true,
  });
  const vnet = template.resources.find((r: any) => r.type === 'Microsoft.Network/virtualNetworks');
  expect(vnet.properties.subnets.find((s: any) => s.name === 'apiserver').properties).toMatchObject({
    addressPrefix: '10.224.16.0/28',
    delegations: [{ properties: { serviceName: 'Microsoft.ContainerService/managedClusters' } }],
  });
});

test('the reachability report says no path from the internet reaches the API server, and why', async () => {
  const report = (await import('../../examples/private-cluster/definition')).default.artifacts()['api-server-reachability.md'];
  expect(report).toMatch(/^# API server reachability: payments-prod\n/);
  expect(report).toContain('Verdict: **no path from the internet**. No path from the internet reaches the API server.');
  // Run command is off and no public FQDN is published: the only path is the delegated subnet in the cluster network.
  expect(report).toContain('| vnet-integration-subnet | the cluster network payments-prod-vnet | no |');
  expect(report).not.toContain('| run-command |');
  expect(report).not.toContain('| public-fqdn |');
  expect(report).not.toContain('Undecided:');
});

test('the Pulumi program deploys the same definition into its resource group', async () => {
  const program = await import('../../examples/private-cluster/index');
  await settle(program.clusterId, program.kubeconfig);
  const cluster = resources.find((r) => r.name === 'payments-prod-cluster')!;
  expect(cluster.inputs.resourceGroupName).toBe('payments-prod-rg');
  expect(cluster.inputs.properties.apiServerAccessProfile).toMatchObject({ enablePrivateCluster: true, disableRunCommand: true });
  expect(resources.find((r) => r.type === 'azure-native:resources:ResourceGroup')!.inputs.location).toBe('westeurope');
});
