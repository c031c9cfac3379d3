import { expect, test } from 'vitest';
import { DescribedValue } from '../../../lib/core/description/described-value';
import { UnknownValue } from '../../../lib/core/description/unknown-value';
import { ApprovedValueComparison } from '../../../lib/core/drift/approved-value-comparison';

const at = (document: string) => ({ document, pointer: '' });
function compare(approved: unknown, live: unknown, place = { subscriptionId: 'sub', resourceGroup: 'rg' }) {
  const c = new ApprovedValueComparison(place);
  c.compare(new DescribedValue(approved, '', at('approved.json')), new DescribedValue(live, '', at('live.json')), '');
  return { drifts: c.differences.map((d) => d.path), undecided: c.undecided.map((u) => [u.path, u.reason]) };
}

test('unknown on either side is undecided, never the same', () => {
  const unknown = new UnknownValue("parameter 'private' has no default value");
  expect(compare({ p: unknown }, { p: true })).toEqual({ drifts: [], undecided: [['p', "parameter 'private' has no default value"]] });
  expect(compare({ p: unknown }, { p: new UnknownValue('known after apply') })).toEqual({ drifts: [], undecided: [['p', "parameter 'private' has no default value"]] });
  expect(compare({ p: true }, { p: new UnknownValue('known after apply') })).toEqual({ drifts: [], undecided: [['p', 'known after apply']] });
  expect(compare({ "[parameters('identity')]": {} }, { '/subscriptions/sub/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/i': {} }).undecided[0][1]).toMatch(/template expression/);
});

test('values compare as ARM compares them; ids with the template\'s placeholders stand for the live cluster\'s place', () => {
  expect(compare({ a: 'Standard', b: 'true', c: '3', r: ['10.0.0.0/8', '192.168.0.0/16'] }, { a: 'standard', b: true, c: 3, r: ['192.168.0.0/16', '10.0.0.0/8'] }).drifts).toEqual([]);
  const subnet = '/subscriptions/(subscription)/resourceGroups/(resourceGroup)/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes';
  expect(compare({ s: subnet }, { s: '/subscriptions/SUB/resourcegroups/RG/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes' }).drifts).toEqual([]);
  expect(compare({ s: subnet }, { s: '/subscriptions/sub/resourcegroups/other/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes' }).drifts).toEqual(['s']);
  expect(compare({ a: 'x', r: ['10.0.0.0/8'] }, { a: 'y', r: ['10.0.0.0/8', '0.0.0.0/0'] }).drifts).toEqual(['a', 'r']);
  // What the approved value leaves unset is not asserted; read-only members are never compared.
  expect(compare({ properties: { a: 1 } }, { properties: { a: 1, b: 2, provisioningState: 'Failed' } }).drifts).toEqual([]);
  expect(compare({ properties: { provisioningState: 'Succeeded' } }, { properties: { provisioningState: 'Failed' } }).drifts).toEqual([]);
});
