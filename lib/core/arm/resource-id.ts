/**
 * The parts of an Azure resource id that the model needs.
 * @category ARM templates
 */
export interface ParsedResourceId {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  /** Full type, e.g. `Microsoft.Network/virtualNetworks/subnets`. */
  readonly type: string;
  /** Name segments, one per type level. */
  readonly names: readonly string[];
  /** The id below the resource group: `Microsoft.Network/virtualNetworks/v/subnets/s`. */
  readonly relative: string;
}

/**
 * A segment: letters and digits (any script, as resource group names allow),
 * and `.`, `_`, `(`, `)`, `-`. No separators, whitespace, control
 * characters, quotes, brackets or template syntax.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 */
const SEGMENT = '[\\p{L}\\p{N}._()-]+';
const ID = new RegExp(`^/subscriptions/(${SEGMENT})/resourceGroups/(${SEGMENT})/providers/(${SEGMENT})/((?:${SEGMENT}/)*${SEGMENT})$`, 'iu');

/**
 * Parses a resource-group-scoped resource id, or returns undefined when `id`
 * is not one.
 * @category ARM templates
 */
export function parseResourceId(id: string): ParsedResourceId | undefined {
  const m = ID.exec(id);
  if (!m) return undefined;
  const segments = m[4].split('/');
  if (segments.length % 2 !== 0 || segments.some((s) => s.length === 0)) return undefined;
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < segments.length; i += 2) {
    types.push(segments[i]);
    names.push(segments[i + 1]);
  }
  return {
    subscriptionId: m[1],
    resourceGroup: m[2],
    type: [m[3], ...types].join('/'),
    names,
    relative: `${m[3]}/${m[4]}`,
  };
}

/**
 * Whether `id` is a resource id of the given full type (case-insensitive, as ARM is).
 * @category ARM templates
 */
export function isResourceIdOfType(id: string, type: string): boolean {
  const parsed = parseResourceId(id);
  return parsed !== undefined && parsed.type.toLowerCase() === type.toLowerCase();
}
