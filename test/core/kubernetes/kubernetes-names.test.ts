import { expect, test } from 'vitest';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain } from '../../../lib/core/kubernetes/kubernetes-names';

test('an RFC 1123 label is lowercase alphanumerics and "-", alphanumeric at both ends, at most 63 characters', () => {
  expect(['a', '0a', 'payments-api', 'a'.repeat(63)].filter((n) => !isDns1123Label(n))).toEqual([]);
  expect(['', '-a', 'a-', 'A', 'a.b', 'a_b', 'a'.repeat(64)].filter((n) => isDns1123Label(n))).toEqual([]);
});

test('an RFC 1035 label (a Service name) also starts with a letter', () => {
  expect(isDns1035Label('payments')).toBe(true);
  expect(isDns1123Label('0payments')).toBe(true);
  expect(isDns1035Label('0payments')).toBe(false);
  expect(isDns1035Label('a'.repeat(64))).toBe(false);
});

test('an RFC 1123 subdomain is labels joined by ".", at most 253 characters in all', () => {
  const longest = Array.from({ length: 4 }, () => 'a'.repeat(62)).join('.') + '.a'; // 253
  expect(longest).toHaveLength(253);
  expect([longest, 'cert-manager.io', 'customer-ca'].filter((n) => !isDns1123Subdomain(n))).toEqual([]);
  expect([`${longest}a`, 'a..b', '.a', 'a.', 'Cert-Manager.io'].filter((n) => isDns1123Subdomain(n))).toEqual([]);
});
