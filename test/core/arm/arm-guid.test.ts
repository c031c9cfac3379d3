import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { ARM_GUID_NAMESPACE, armGuid, uuidV5 } from '../../../lib';

test('uuidV5 gives the worked example of RFC 9562 (appendix A.4)', () => {
  // Namespace DNS, name "www.example.com".
  expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
});

test('armGuid is the version 5 UUID of the parts joined with "-" under ARM\'s namespace', () => {
  // An independent construction of the same bytes: SHA-1 over namespace octets and UTF-8 name.
  const parts = ['/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-payments', 'payments', 'network-contributor-apiserver'];
  const digest = createHash('sha1')
    .update(Buffer.from(ARM_GUID_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(parts.join('-'), 'utf8')
    .digest('hex');
  const guid = armGuid(parts);
  expect(guid.replace(/-/g, '').slice(0, 12)).toBe(digest.slice(0, 12));
  expect(guid[14]).toBe('5'); // version
  expect(['8', '9', 'a', 'b']).toContain(guid[19]); // RFC variant
  expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('armGuid separates parts as ARM does, and is case-sensitive', () => {
  expect(armGuid(['a', 'b'])).toBe(uuidV5(ARM_GUID_NAMESPACE, 'a-b'));
  expect(armGuid(['a', 'b'])).not.toBe(armGuid(['ab']));
  expect(armGuid(['a-b'])).toBe(armGuid(['a', 'b']));
  expect(armGuid(['RG'])).not.toBe(armGuid(['rg']));
});

test('uuidV5 is RFC 9562\'s construction: SHA-1 of the namespace bytes and the UTF-8 name, with version 5 and variant 10 set', () => {
  // The construction of section 5.5, step by step, as the reference.
  const reference = (namespace: string, name: string) => {
    const digest = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(Buffer.from(name, 'utf8')).digest();
    const b = Buffer.from(digest.subarray(0, 16));
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const namespaces = [ARM_GUID_NAMESPACE, '6ba7b811-9dad-11d1-80b4-00c04fd430c8', ARM_GUID_NAMESPACE];
  const variants = new Set<string>();
  for (const namespace of namespaces) {
    for (let i = 0; i < 400; i++) {
      const name = `subject|cluster:c${i}|${'ü€😀'.slice(0, i % 4)}${i % 7 === 0 ? '' : String(i * 7919)}`;
      const uuid = uuidV5(namespace, name);
      expect(uuid).toBe(reference(namespace, name));
      variants.add(uuid[19]);
    }
  }
  // Every variant digit (8, 9, a, b) occurred.
  expect([...variants].sort()).toEqual(['8', '9', 'a', 'b']);
});

