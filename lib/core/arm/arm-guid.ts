import { createHash } from 'node:crypto';

/**
 * The namespace of ARM's `guid()` template function. ARM joins the
 * stringified arguments with "-" and derives a name-based (version 5, SHA-1)
 * UUID of the UTF-8 bytes under this namespace (RFC 9562, section 5.5). The
 * same value is what Azure Verified Modules pass to Terraform's `uuidv5` to
 * name role assignments exactly as Bicep's `guid()` does.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#guid
 * @see https://www.rfc-editor.org/rfc/rfc9562#section-5.5
 * @internal
 */
export const ARM_GUID_NAMESPACE = '11fb06fb-712d-4ddd-98c7-e71bbd588830';

/**
 * A version 5 UUID of `name` under `namespace` (RFC 9562, section 5.5).
 * @internal
 */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(Buffer.from(name, 'utf8')).digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * What ARM's `guid(part1, part2, ...)` returns for the same parts, so that a
 * role assignment deployed from the template and later by `pulumi up` (or the
 * reverse) keeps its name, instead of colliding with `RoleAssignmentExists`.
 * Case-sensitive, as ARM is.
 * @category ARM templates
 */
export function armGuid(parts: readonly string[]): string {
  return uuidV5(ARM_GUID_NAMESPACE, parts.join('-'));
}
