import { expect, test } from 'vitest';
import { formatIpv4, Ipv4Cidr, parseIpv4 } from '../../../lib';

test.each(['10.0.0.0/8', '0.0.0.0/0', '255.255.255.255/32', '192.168.1.0/24'])('parses %s', (text) => {
  const c = Ipv4Cidr.parse(text);
  expect(c).toBeInstanceOf(Ipv4Cidr);
  expect(String(c)).toBe(text);
});

test.each([
  ['10.0.0/8', 'not of the form'],
  ['10.0.0.0', 'not of the form'],
  ['10.0.0.256/8', 'octet "256"'],
  ['10.0.0.01/32', 'octet "01"'],
  ['10.0.0.0/33', 'prefix length "33"'],
  ['10.0.0.0/08', 'prefix length "08"'],
  [' 10.0.0.0/8', 'not of the form'],
  ['10.0.0.0/8\n', 'not of the form'],
  ['::1/128', 'not of the form'],
])('fails on %j', (text, reason) => {
  const c = Ipv4Cidr.parse(text);
  expect(c).not.toBeInstanceOf(Ipv4Cidr);
  expect((c as { error: string }).error).toContain(reason);
});

test('host bits, canonical form, containment and overlap', () => {
  const c = Ipv4Cidr.of('10.1.2.3/16');
  expect(c.hasHostBits).toBe(true);
  expect(c.canonical).toBe('10.1.0.0/16');
  expect(c.size).toBe(65536);
  expect(Ipv4Cidr.of('10.1.0.0/16').contains(Ipv4Cidr.of('10.1.255.240/28'))).toBe(true);
  expect(Ipv4Cidr.of('10.1.0.0/16').contains(Ipv4Cidr.of('10.0.0.0/8'))).toBe(false);
  expect(Ipv4Cidr.of('10.1.0.0/16').overlaps(Ipv4Cidr.of('10.0.0.0/8'))).toBe(true);
  expect(Ipv4Cidr.of('10.1.0.0/16').overlaps(Ipv4Cidr.of('10.2.0.0/16'))).toBe(false);
  expect(formatIpv4(parseIpv4('203.0.113.9')!)).toBe('203.0.113.9');
  expect(parseIpv4('203.0.113')).toBeUndefined();
});

test('a text parsed again gives the same answer, which nobody can change', () => {
  const first = Ipv4Cidr.parse('10.1.2.3/16');
  expect(Ipv4Cidr.parse('10.1.2.3/16')).toBe(first);
  expect(Object.isFrozen(first)).toBe(true);
  expect(() => {
    (first as { prefixLength: number }).prefixLength = 8;
  }).toThrow(TypeError);
  expect((first as Ipv4Cidr).canonical).toBe('10.1.0.0/16');
  const bad = Ipv4Cidr.parse('10.1.2/16');
  expect(Ipv4Cidr.parse('10.1.2/16')).toEqual(bad);
  expect(Object.isFrozen(bad)).toBe(true);
});
