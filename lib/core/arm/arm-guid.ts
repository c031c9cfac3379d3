import { hash } from 'node:crypto';

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
  // The first 16 bytes of SHA-1(namespace bytes, name in UTF-8), in hex; an evidence pack makes tens of thousands.
  const h = hash('sha1', Buffer.concat([namespaceBytes(namespace), Buffer.from(name, 'utf8')]), 'hex');
  // Byte 6's high nibble is the version (5); byte 8's two high bits are the variant (10).
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${HEX[(parseInt(h[16], 16) & 0x3) | 0x8]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const HEX = '0123456789abcdef';
let lastNamespace: { text: string; bytes: Buffer } | undefined;

/** The 16 bytes of a namespace UUID (the last one asked for is kept: callers use one or two). */
function namespaceBytes(namespace: string): Buffer {
  if (lastNamespace?.text !== namespace) lastNamespace = { text: namespace, bytes: Buffer.from(namespace.replace(/-/g, ''), 'hex') };
  return lastNamespace.bytes;
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
