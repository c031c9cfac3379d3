import { pointerToken } from '../../description/described-resource';
import { UnknownValue } from '../../description/unknown-value';

/**
 * How an azurerm resource's attributes are spelled:
 * - `terraform`: Terraform's snake_case names, every nested block a list
 *   (`default_node_pool: [{...}]`), as `terraform show -json` writes them;
 * - `pulumi`: the classic `@pulumi/azure` provider, bridged from the same
 *   Terraform provider: camelCase names, a block of at most one item an
 *   object (`defaultNodePool: {...}`), other lists plural.
 * @see https://developer.hashicorp.com/terraform/internals/json-format#values-representation
 * @see https://www.pulumi.com/registry/packages/azure/api-docs/containerservice/kubernetescluster/
 */
export type AttributeSpelling = 'terraform' | 'pulumi';

/**
 * Terraform names whose bridged (Pulumi) name is not their camelCase: the
 * bridge pluralizes lists that may hold more than one block.
 * @see https://www.pulumi.com/registry/packages/azure/api-docs/network/virtualnetwork/
 * @see https://www.pulumi.com/registry/packages/azure/api-docs/monitoring/diagnosticsetting/
 */
const PULUMI_NAMES: Readonly<Record<string, string>> = {
  address_space: 'addressSpaces',
  delegation: 'delegations',
  subnet: 'subnets',
  enabled_log: 'enabledLogs',
  log: 'logs',
  metric: 'metrics',
  enabled_metric: 'enabledMetrics',
};

/** Terraform's snake_case name as the bridged provider spells it. */
export function bridgedName(terraformName: string): string {
  return PULUMI_NAMES[terraformName] ?? terraformName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** One attribute as read: its value (possibly an {@link UnknownValue}) and where it is written. */
export interface ReadAttribute {
  readonly value: unknown;
  readonly pointer: string;
}

/**
 * The attributes of one resource or nested block, read by their Terraform
 * names whatever the spelling, so that one mapping serves both.
 */
export class AttributeReader {
  /**
   * @param values the attributes (plain JSON, with {@link UnknownValue}s where the document does not know a value)
   * @param pointer RFC 6901 pointer of `values` in its document
   * @param spelling how names and blocks are written
   */
  constructor(
    public readonly values: Readonly<Record<string, unknown>>,
    public readonly pointer: string,
    public readonly spelling: AttributeSpelling,
  ) {}

  /** The key of a Terraform attribute in this spelling. */
  public key(name: string): string {
    return this.spelling === 'terraform' ? name : bridgedName(name);
  }

  /** Whether the attribute is written at all (even as `null`): tells a provider version's names from another's. */
  public has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.values, this.key(name));
  }

  /** The attribute under the first of `names` that is written and not null (names of successive provider versions). */
  public get(...names: string[]): ReadAttribute | undefined {
    for (const name of names) {
      const key = this.key(name);
      const value = this.values[key];
      if (value !== undefined && value !== null) return { value, pointer: `${this.pointer}/${pointerToken(key)}` };
    }
    return undefined;
  }

  /**
   * The single nested block under the first of `names` that is set: a reader
   * of it, an {@link UnknownValue} when the document does not know it, or
   * undefined when it is absent or empty.
   */
  public block(...names: string[]): AttributeReader | UnknownValue | undefined {
    const read = this.get(...names);
    if (!read) return undefined;
    const { value, pointer } = read;
    if (value instanceof UnknownValue) return value;
    if (Array.isArray(value)) {
      if (value.length === 0 || value[0] === null || value[0] === undefined) return undefined;
      return asReader(value[0], `${pointer}/0`, this.spelling);
    }
    return asReader(value, pointer, this.spelling);
  }

  /** Every nested block under `name` (a repeatable block), or an {@link UnknownValue}. */
  public blocks(name: string): AttributeReader[] | UnknownValue {
    const read = this.get(name);
    if (!read) return [];
    const { value, pointer } = read;
    if (value instanceof UnknownValue) return value;
    const list = Array.isArray(value) ? value : [value];
    const readers: AttributeReader[] = [];
    for (let i = 0; i < list.length; i++) {
      const r = asReader(list[i], Array.isArray(value) ? `${pointer}/${i}` : pointer, this.spelling);
      if (r instanceof UnknownValue) return r;
      if (r) readers.push(r);
    }
    return readers;
  }
}

function asReader(value: unknown, pointer: string, spelling: AttributeSpelling): AttributeReader | UnknownValue | undefined {
  if (value instanceof UnknownValue) return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return new AttributeReader(value as Record<string, unknown>, pointer, spelling);
}
