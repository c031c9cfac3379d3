import { expect, test } from 'vitest';
import { hasLocalTempDisk, localTempDiskByName } from '../../../lib/core/aks/vm-size';

// https://learn.microsoft.com/azure/virtual-machines/vm-naming-conventions: "d" marks a local temporary disk on the v4 sizes and later.
test.each([
  ['Standard_D4ds_v5', true],
  ['standard_d4ds_v5', true],
  ['Standard_E8ads_v5', true],
  ['Standard_D8d_v4', true],
  ['Standard_D4s_v5', false],
  ['STANDARD_D4S_V5', false],
  ['Standard_D16-8s_v5', false],
  ['Standard_D4s_v4', false],
])('%s: the name says whether there is a local temporary disk (%s)', (size, expected) => {
  expect(localTempDiskByName(size)).toBe(expected);
  expect(hasLocalTempDisk(size)).toBe(expected);
});

// Dsv3 and DSv2 have a temporary disk (https://learn.microsoft.com/azure/virtual-machines/sizes/general-purpose/dsv3-series),
// Dasv4 too, without "d" in their names: the name does not settle it, and nothing is inferred from it.
test.each(['Standard_D2s_v3', 'Standard_DS2_v2', 'Standard_D4as_v4', 'Standard_B2s', 'Custom_Size'])('%s: the name does not say', (size) => {
  expect(localTempDiskByName(size)).toBeUndefined();
  expect(hasLocalTempDisk(size)).toBe(false);
});
