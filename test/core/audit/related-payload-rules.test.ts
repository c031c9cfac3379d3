import { expect, test } from 'vitest';
import { checkRelatedPayloads } from '../../../lib/core/audit/related-payload-rules';
import { UnknownValue } from '../../../lib/core/description/unknown-value';

const vnet = (subnets: unknown[]) => ({ name: 'hub', type: 'Microsoft.Network/virtualNetworks', properties: { addressSpace: { addressPrefixes: ['10.9.0.0/16'] }, subnets } });
const zone = (name: string) => ({ name, type: 'Microsoft.Network/privateDnsZones', properties: {} });

test('a subnet delegated to managed clusters holds at least a /28, inline in its network (ARM\'s nesting or Pulumi\'s flat inputs) or on its own', () => {
  const delegations = [{ name: 'aks', properties: { serviceName: 'Microsoft.ContainerService/managedClusters' } }];
  const found = checkRelatedPayloads([
    vnet([
      { name: 'apiserver', properties: { addressPrefix: '10.9.0.0/29', delegations } },
      { name: 'apiserver-flat', addressPrefix: '10.9.1.0/30', delegations: [{ name: 'aks', serviceName: 'Microsoft.ContainerService/managedClusters' }] },
      { name: 'fine', properties: { addressPrefix: '10.9.2.0/28', delegations } },
      { name: 'nodes', properties: { addressPrefix: '10.9.8.0/29' } },
    ]),
  ]);
  expect(found.map((f) => [f.subject, f.violation.rule.id, f.violation.property])).toEqual([
    ['hub/apiserver', 'SAKS-VNI-001', 'properties.subnets[0].properties.addressPrefix'],
    ['hub/apiserver-flat', 'SAKS-VNI-001', 'properties.subnets[1].addressPrefix'],
  ]);
});

test('a private DNS zone named for AKS API servers has a name AKS accepts; other zones are not its business', () => {
  const found = checkRelatedPayloads([
    zone('privatelink.westeurope.azmk8s.io'),
    zone('payments.private.westeurope.azmk8s.io'),
    zone(`${'a'.repeat(33)}.privatelink.westeurope.azmk8s.io`),
    zone('bad_label.privatelink.westeurope.azmk8s.io'),
    zone('privatelink.westeruope.azmk8s.io'),
    zone('privatelink.blob.core.windows.net'),
  ]);
  expect(found.map((f) => [f.subject, f.violation.rule.id])).toEqual([
    [`${'a'.repeat(33)}.privatelink.westeurope.azmk8s.io`, 'SAKS-DNS-003'],
    ['bad_label.privatelink.westeurope.azmk8s.io', 'SAKS-DNS-002'],
    ['privatelink.westeruope.azmk8s.io', 'SAKS-DNS-002'],
  ]);
});

test('a delegated subnet with several prefixes is too small when each is, and the finding names the prefixes; a value not known offline is not a finding', () => {
  const delegations = [{ name: 'aks', properties: { serviceName: 'Microsoft.ContainerService/managedClusters' } }];
  const subnet = (properties: Record<string, unknown>) => ({ name: 'hub/apiserver', type: 'Microsoft.Network/virtualNetworks/subnets', properties: { ...properties, delegations } });
  const found = checkRelatedPayloads([subnet({ addressPrefixes: ['10.9.0.0/29', '10.9.1.0/29'] }), subnet({ addressPrefixes: ['10.9.0.0/29', '10.9.1.0/28'] })]);
  expect(found.map((f) => [f.violation.rule.id, f.violation.property, f.violation.value])).toEqual([['SAKS-VNI-001', 'properties.addressPrefixes', ['10.9.0.0/29', '10.9.1.0/29']]]);
  expect(checkRelatedPayloads([subnet({ addressPrefix: new UnknownValue('an output not known before the deployment') })])).toEqual([]);
});
