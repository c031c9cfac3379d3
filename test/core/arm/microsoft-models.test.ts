import { describe, expect, test } from 'vitest';
import { ApiVersions, ManagedClusterModel } from '../../../lib';
import { VALID_CLUSTERS } from '../../support/cluster-fixtures';
import { MicrosoftModels } from '../../support/microsoft-models';
import { templateResources, unknownProperties, wireBody } from '../../support/template-resources';

describe.each(Object.entries(VALID_CLUSTERS))('template of "%s" against Microsoft\'s published models', (_, props) => {
  const template = ManagedClusterModel.build(props).toArmTemplate();
  const resources = templateResources(template).filter((r) => r.resource.type !== 'Microsoft.Resources/deployments');

  test.each(resources.map((r) => [r.resource.type, r.resource.name, r.resource] as const))(
    '%s %s is valid at its pinned API version',
    (type, _name, resource) => {
      const model = MicrosoftModels[type];
      expect(model, `no Microsoft model wired for ${type}`).toBeDefined();
      expect(resource.apiVersion).toBe(model.apiVersion());
      const body = wireBody(resource);
      expect(unknownProperties(body, model.roundTrip(body))).toEqual([]);
    },
  );
});

test('the managed cluster is pinned to the API version of Microsoft\'s JS SDK', () => {
  expect(ApiVersions.managedClusters).toBe(MicrosoftModels['Microsoft.ContainerService/managedClusters'].apiVersion());
});

test('fails when a property does not exist in the model (the check can fail)', () => {
  const cluster = ManagedClusterModel.build(VALID_CLUSTERS.defaults).toArmTemplate().resources.find(
    (r: any) => r.type === 'Microsoft.ContainerService/managedClusters',
  ) as any;
  const body = wireBody({
    ...cluster,
    properties: { ...cluster.properties, apiServerAccessProfile: { ...cluster.properties.apiServerAccessProfile, enablePrivateClusterPublicFqdn: true } },
  });
  const lost = unknownProperties(body, MicrosoftModels['Microsoft.ContainerService/managedClusters'].roundTrip(body));
  // The wire name is enablePrivateClusterPublicFQDN; the client-side spelling is not a wire property.
  expect(lost).toEqual(['properties.apiServerAccessProfile.enablePrivateClusterPublicFqdn']);
});

test('the ACNS template sends transitEncryption WireGuard, a real property of the pinned version', () => {
  const cluster = ManagedClusterModel.build(VALID_CLUSTERS.defaults).toArmTemplate().resources.find(
    (r: any) => r.type === 'Microsoft.ContainerService/managedClusters',
  ) as any;
  const model = MicrosoftModels['Microsoft.ContainerService/managedClusters'];
  expect(cluster.apiVersion).toBe(model.apiVersion());
  const back = model.roundTrip(wireBody(cluster)) as any;
  expect(back.properties.networkProfile.advancedNetworking).toEqual({
    enabled: true,
    observability: { enabled: false },
    security: { enabled: true, transitEncryption: { type: 'WireGuard' } },
  });
});
