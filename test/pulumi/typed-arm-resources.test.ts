import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { ApiVersions, EstateModel, ManagedClusterModel, RegulatedPlatformModel } from '../../lib';
import { props as ESTATE } from '../../examples/estate/definition';
import { flattenProperties, TYPED_ARM_RESOURCES } from '../../lib/pulumi/typed-arm-resources';
import { VALID_CLUSTERS } from '../support/cluster-fixtures';
import { PLATFORM } from '../support/platform-fixtures';

/** The azure-native module of each typed resource the registrar uses. */
const MODULES: Record<string, string> = {
  'Microsoft.Authorization/roleAssignments': 'authorization/roleAssignment.js',
  'Microsoft.Authorization/locks': 'authorization/managementLockByScope.js',
  'Microsoft.Insights/diagnosticSettings': 'monitor/diagnosticSetting.js',
  'Microsoft.Network/virtualNetworks': 'network/virtualNetwork.js',
  'Microsoft.Network/networkSecurityGroups': 'network/networkSecurityGroup.js',
  'Microsoft.Network/routeTables': 'network/routeTable.js',
  'Microsoft.Network/virtualNetworks/virtualNetworkPeerings': 'network/virtualNetworkPeering.js',
  'Microsoft.Network/privateDnsZones': 'privatedns/privateZone.js',
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks': 'privatedns/virtualNetworkLink.js',
  'Microsoft.Network/privateDnsZones/A': 'privatedns/privateRecordSet.js',
  'Microsoft.ManagedIdentity/userAssignedIdentities': 'managedidentity/userAssignedIdentity.js',
  'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials': 'managedidentity/federatedIdentityCredential.js',
  'Microsoft.KubernetesConfiguration/extensions': 'kubernetesconfiguration/extension.js',
};

function typedApiVersion(type: string): string {
  const file = path.join(path.dirname(require.resolve('@pulumi/azure-native/package.json')), MODULES[type]);
  return /Uses Azure REST API version ([0-9a-z-]+)/.exec(fs.readFileSync(file, 'utf8'))![1];
}

test('every resource registered through a typed azure-native resource is pinned to that resource\'s API version: the template and pulumi up send the same', () => {
  expect(Object.keys(TYPED_ARM_RESOURCES).sort()).toEqual(Object.keys(MODULES).sort());
  const estate = EstateModel.build(ESTATE);
  const models = [...Object.values(VALID_CLUSTERS).map((p) => ManagedClusterModel.build(p).resources), RegulatedPlatformModel.build(PLATFORM).allResources(), ...[...estate.clusters.keys()].map((n) => estate.clusterResources(n))].flat();
  const seen = new Set<string>();
  for (const r of models) {
    if (!TYPED_ARM_RESOURCES[r.type]) continue;
    seen.add(r.type);
    expect(r.apiVersion, r.type).toBe(typedApiVersion(r.type));
  }
  expect([...seen].sort()).toEqual(Object.keys(MODULES).sort());
  expect(ApiVersions.network).toBe(typedApiVersion('Microsoft.Network/virtualNetworks'));
});

test('the payload is flattened the way azure-native\'s typed arguments are: every nested properties object into its parent', () => {
  expect(
    flattenProperties({
      addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
      subnets: [{ name: 'nodes', properties: { addressPrefix: '10.0.0.0/20', delegations: [{ name: 'd', properties: { serviceName: 'x' } }] } }],
    }),
  ).toEqual({
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
    subnets: [{ name: 'nodes', addressPrefix: '10.0.0.0/20', delegations: [{ name: 'd', serviceName: 'x' }] }],
  });
});
