import { expect, test } from 'vitest';
import { checkExistingApiServerSubnet, Rules } from '../../../lib';

const id = '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/api';
const delegated = [{ serviceName: 'Microsoft.ContainerService/managedClusters' }];

test('a delegated /28 passes', () => {
  expect(checkExistingApiServerSubnet({ id, addressPrefix: '10.0.0.0/28', delegations: delegated })).toEqual([]);
  expect(checkExistingApiServerSubnet({ id, addressPrefixes: ['10.0.0.0/27'], delegations: delegated })).toEqual([]);
});

test('fails on a subnet without the delegation, or smaller than /28, reporting both', () => {
  const v = checkExistingApiServerSubnet({ id, addressPrefix: '10.0.0.0/29', delegations: [{ serviceName: 'Microsoft.Web/serverFarms' }] });
  expect(v.map((x) => x.rule.id)).toEqual([Rules.apiServerSubnetDedicated.id, Rules.apiServerSubnetSize.id]);
  expect(v[0].detail).toBe('its delegations are ["Microsoft.Web/serverFarms"]');
  expect(v[1].detail).toBe('its prefixes are 10.0.0.0/29');
});
