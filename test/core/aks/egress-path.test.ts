import { expect, test } from 'vitest';
import { ClusterNetwork, deployedEgressPath, ManagedClusterModel, OutboundType } from '../../../lib';
import { SPOKE, VALID_CLUSTERS } from '../../support/cluster-fixtures';

const egressOf = (name: keyof typeof VALID_CLUSTERS) => {
  const model = ManagedClusterModel.build(VALID_CLUSTERS[name]);
  return deployedEgressPath(model.cluster, model.resources);
};

test('the public egress path is read from what is deployed, for every outbound type', () => {
  expect(egressOf('defaults').publicEgress).toBe('yes');
  expect(egressOf('userAssignedNatGateway').publicEgress).toBe('yes');
  const udr = egressOf('egressThroughHubFirewall');
  expect(udr).toMatchObject({ publicEgress: 'no' });
  expect(udr.description).toContain('10.0.1.4');
  // A brought route table's routes are not read offline: the report does not claim they go to a firewall.
  expect(egressOf('egressThroughHubRouteTable').publicEgress).toBe('unverified');
  expect(egressOf('networkIsolated').publicEgress).toBe('no');
});

test('a network isolated cluster in a brought subnet is not reported as having no egress: that subnet\'s own egress is not read offline', () => {
  const model = ManagedClusterModel.build({
    name: 'isolated-byo',
    location: 'westeurope',
    network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes`, apiServerSubnetId: `${SPOKE}/subnets/apiserver` }),
    outboundType: OutboundType.networkIsolated(),
  });
  const egress = deployedEgressPath(model.cluster, model.resources);
  expect(egress.publicEgress).toBe('unverified');
  expect(egress.description).toContain('not read offline');
});
