import { expect, test } from 'vitest';
import { escapeUnsafeCharacters, findUnsafeCharacter } from '../../../lib/core/validation/unsafe-characters';

test('a text without unsafe characters is given back as it is; every unsafe one is escaped, call after call', () => {
  expect(escapeUnsafeCharacters('aks-prod-westeurope')).toBe('aks-prod-westeurope');
  expect(findUnsafeCharacter('aks-prod-westeurope')).toBeUndefined();
  const spoofed = 'aks\u202eprod\u200b-\u0007x';
  for (let i = 0; i < 3; i++) {
    expect(escapeUnsafeCharacters(spoofed)).toBe('aks\\u202Eprod\\u200B-\\u0007x');
    expect(escapeUnsafeCharacters('plain')).toBe('plain');
  }
  expect(findUnsafeCharacter(spoofed)).toBe('U+202E right-to-left override at position 3');
});
