import { expect, test } from 'vitest';
import { counted } from '../../../lib/core/reports/counted';

test('a count of one takes the singular, any other count the plural', () => {
  expect(counted(1, 'finding')).toBe('1 finding');
  expect(counted(0, 'finding')).toBe('0 findings');
  expect(counted(2, 'error')).toBe('2 errors');
  expect(counted(3, 'policy', 'policies')).toBe('3 policies');
  expect(counted(1, 'policy', 'policies')).toBe('1 policy');
});
