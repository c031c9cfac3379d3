import { beforeAll, expect, test } from 'vitest';
import { ClusterNetwork } from '../../lib';
import { HardenedCluster } from '../../lib/pulumi';
import { SPOKE } from '../support/cluster-fixtures';
import { installMocks, RecordedCall, RecordedResource, settle } from '../support/pulumi-mocks';

let resources: RecordedResource[];
let calls: RecordedCall[];
beforeAll(async () => {
  ({ resources, calls } = await installMocks());
});

test('a brought API server subnet is looked up and, once it checks out, given to the cluster', async () => {
  const aks = new HardenedCluster('byo', {
    name: 'byo',
    location: 'westeurope',
    resourceGroupName: 'rg',
    network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes`, apiServerSubnetId: `${SPOKE}/subnets/apiserver` }),
  });
  await settle(aks.clusterId);
  expect(calls.find((c) => c.token === 'azure-native:network:getSubnet')!.inputs).toEqual({
    resourceGroupName: 'spoke',
    virtualNetworkName: 'spoke',
    subnetName: 'apiserver',
  });
  const cluster = resources.find((r) => r.name === 'byo-cluster')!;
  expect(cluster.inputs.properties.apiServerAccessProfile.subnetId).toBe(`${SPOKE}/subnets/apiserver`);
  expect(resources.filter((r) => r.name.startsWith('byo-')).map((r) => r.name).sort()).toEqual([
    'byo-apiserver-subnet-network-contributor',
    'byo-audit-logs',
    'byo-cluster',
    'byo-identity',
    // Delete locks on what the component creates: the brought network is not locked.
    'byo-lock-cluster',
    'byo-lock-log-analytics',
    'byo-log-analytics',
    'byo-node-subnet-network-contributor',
  ]);
});
