import { expect, test } from 'vitest';
import { lowerCaseName } from '../../../lib/core/description/lower-case-name';

test.each(['enableRBAC', 'agentPoolProfiles', 'already-lower', 'İD', 'ΣΊΣΥΦΟΣ', ''])('%s lowers as String.prototype.toLowerCase does, the first time and again', (name) => {
  expect(lowerCaseName(name)).toBe(name.toLowerCase());
  expect(lowerCaseName(name)).toBe(name.toLowerCase());
});

test('names past the bound of the table are still lowered', () => {
  const names = Array.from({ length: 12_000 }, (_, i) => `Member${i}Name`);
  for (const name of names) expect(lowerCaseName(name)).toBe(name.toLowerCase());
  expect(lowerCaseName(names[11_999])).toBe('member11999name');
});
