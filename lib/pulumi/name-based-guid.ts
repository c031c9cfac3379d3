import { createHash } from 'node:crypto';

/** Namespace of the name-based GUIDs below (a fixed, random UUID). */
const NAMESPACE = Buffer.from('6b1f2a4e9c3d4e0fa8b7c6d5e4f3a2b1', 'hex');

/**
 * A name-based (version 5, SHA-1) UUID of the parts: the same parts always give
 * the same GUID. Role assignment and role definition names must be GUIDs and
 * must not change between deployments, or Pulumi would replace them.
 */
export function nameBasedGuid(parts: readonly string[]): string {
  const hash = createHash('sha1').update(NAMESPACE).update(parts.join('\u0000').toLowerCase()).digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
