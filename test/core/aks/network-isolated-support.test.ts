import { expect, test } from 'vitest';
import { networkIsolatedUnsupported } from '../../../lib/core/aks/network-isolated-support';

test('kubenet and Flux are refused on a network-isolated cluster, each with its fix', () => {
  const found = networkIsolatedUnsupported('none', 'kubenet', true);
  expect(found.map((v) => [v.rule.id, v.property, v.value])).toEqual([
    ['SAKS-EGR-009', 'podNetworking', 'kubenet'],
    ['SAKS-EGR-009', 'delivery', 'gitOps'],
  ]);
  expect(found[0].fix).toMatch(/Azure CNI Overlay/);
  expect(found[1].fix).toMatch(/pulumiKubernetes/);
});

test('the same features are fine with egress, and Azure CNI is fine isolated', () => {
  expect(networkIsolatedUnsupported('userDefinedRouting', 'kubenet', true)).toEqual([]);
  expect(networkIsolatedUnsupported('none', 'azure', false)).toEqual([]);
  expect(networkIsolatedUnsupported('none', undefined, false)).toEqual([]);
});
