import { expect, test } from 'vitest';
import { networkIsolatedUnsupported } from '../../../lib/core/aks/network-isolated-support';

test('kubenet and Flux are refused on a network-isolated cluster, each with its fix in both vocabularies', () => {
  const found = networkIsolatedUnsupported('none', 'kubenet', true);
  expect(found.map((x) => x.feature)).toEqual(['kubenet', 'gitOps']);
  expect(found[0].fix.definition).toMatch(/Azure CNI Overlay/);
  expect(found[0].fix.payload).toMatch(/networkPluginMode "overlay"/);
  expect(found[1].fix.definition).toMatch(/pulumiKubernetes/);
  expect(found[1].fix.payload).toMatch(/microsoft\.flux/);
});

test('names are compared as Azure compares them', () => {
  expect(networkIsolatedUnsupported('None', 'Kubenet', false).map((x) => x.feature)).toEqual(['kubenet']);
});

test('the same features are fine with egress, and Azure CNI is fine isolated', () => {
  expect(networkIsolatedUnsupported('userDefinedRouting', 'kubenet', true)).toEqual([]);
  expect(networkIsolatedUnsupported('none', 'azure', false)).toEqual([]);
  expect(networkIsolatedUnsupported('none', undefined, false)).toEqual([]);
});
