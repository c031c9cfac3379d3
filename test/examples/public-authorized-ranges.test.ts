import { beforeAll, expect, test } from 'vitest';
import { ApiVersions } from '../../lib';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

let resources: RecordedResource[];

beforeAll(async () => {
  ({ resources } = await installMocks());
});

test('the offline template is a public API server limited to the named CIDRs, with VNet Integration', async () => {
  const target = (await import('../../examples/public-authorized-ranges/definition')).default;
  const template = JSON.parse(target.artifacts()['cluster.template.json']);
  const cluster = template.resources.find((r: any) => r.type === 'Microsoft.ContainerService/managedClusters');
  expect(cluster.apiVersion).toBe(ApiVersions.managedClusters);
  expect(cluster.properties.apiServerAccessProfile).toMatchObject({
    enablePrivateCluster: false,
    enableVnetIntegration: true,
    authorizedIPRanges: ['203.0.113.0/24', '198.51.100.7/32'],
    disableRunCommand: true,
  });
  expect(cluster.properties.apiServerAccessProfile.privateDNSZone).toBeUndefined();
});

test('the reachability report lists the public endpoint from each authorized range: reachable from the internet', async () => {
  const report = (await import('../../examples/public-authorized-ranges/definition')).default.artifacts()['api-server-reachability.md'];
  expect(report).toContain('Verdict: **reachable from the internet**. The API server is reachable from the internet: through its public endpoint, from 203.0.113.0/24 (authorized range), 198.51.100.7/32 (authorized range).');
  expect(report).toContain('| public-endpoint | 198.51.100.7/32 (authorized range) | yes |');
  expect(report).toContain('| vnet-integration-subnet | the cluster network analytics-dev-vnet | no |');
  expect(report).not.toContain('| run-command |');
});

test('the Pulumi program deploys the same definition into its resource group', async () => {
  const program = await import('../../examples/public-authorized-ranges/index');
  await settle(program.clusterId, program.kubeconfig);
  const cluster = resources.find((r) => r.name === 'analytics-dev-cluster')!;
  expect(cluster.inputs.resourceGroupName).toBe('analytics-dev-rg');
  expect(cluster.inputs.properties.apiServerAccessProfile).toMatchObject({ enablePrivateCluster: false, authorizedIPRanges: ['203.0.113.0/24', '198.51.100.7/32'] });
  expect(resources.find((r) => r.type === 'azure-native:resources:ResourceGroup')!.inputs.location).toBe('northeurope');
});
