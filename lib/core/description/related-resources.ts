import { parseResourceId } from '../arm/resource-id';
import { DescribedResource } from './described-resource';
import { UnknownValue } from './unknown-value';

const VNET = 'microsoft.network/virtualnetworks';
const SUBNET = 'microsoft.network/virtualnetworks/subnets';
const MANAGED_CLUSTER = 'microsoft.containerservice/managedclusters';
const AGENT_POOL = 'microsoft.containerservice/managedclusters/agentpools';

/** A resource a reference names: found, not among the resources read, or not known. */
export type Resolved =
  | { readonly state: 'found'; readonly resource: DescribedResource }
  | { readonly state: 'not-read'; readonly reason: string }
  | { readonly state: 'unknown'; readonly reason: string };

/** Whether `type` names the ARM type `expected` (ARM types are case-insensitive). */
export function isArmType(type: unknown, expected: string): boolean {
  return typeof type === 'string' && type.length === expected.length && (type === expected || type.toLowerCase() === expected.toLowerCase());
}

/** The type and names a resource id, a template reference (`Microsoft.X/y/name`), or `[resourceId(...)]` with literals stands for. */
export function referenceOf(ref: unknown): { type: string; names: readonly string[] } | undefined {
  if (ref instanceof UnknownValue && ref.symbol !== undefined) return referenceOf(ref.symbol);
  if (typeof ref !== 'string') return undefined;
  const parsed = parseResourceId(ref);
  if (parsed) return parsed;
  const call = /^\[\s*resourceId\((.*)\)\s*\]$/i.exec(ref);
  if (call) {
    const args = [...call[1].matchAll(/\s*'([^']*)'\s*(,|$)/g)].map((m) => m[1]);
    if (args.join('').length === 0 || call[1].replace(/'[^']*'/g, '').replace(/[\s,]/g, '') !== '') return undefined;
    return { type: args[0], names: args.slice(1) };
  }
  if (ref.startsWith('/') || ref.startsWith('[')) return undefined;
  const [namespace, ...rest] = ref.split('/');
  if (rest.length < 2 || rest.length % 2 !== 0) return undefined;
  return { type: [namespace, ...rest.filter((_, i) => i % 2 === 0)].join('/'), names: rest.filter((_, i) => i % 2 === 1) };
}

/** What an extension resource's scope names (see {@link RelatedResources.scopeTarget}). */
export type ScopeTarget =
  | { readonly state: 'none' }
  | { readonly state: 'unknown' }
  | { readonly state: 'found'; readonly resource: DescribedResource }
  | { readonly state: 'not-read' | 'unknown-reference'; readonly id?: string };

function pushTo<K>(index: Map<K, DescribedResource[]>, k: K, r: DescribedResource): void {
  const list = index.get(k);
  if (list) list.push(r);
  else index.set(k, [r]);
}

/** The id of a child resource's parent: its id less the last type and name, when the id is text. */
export function parentIdOf(id: unknown): string | undefined {
  if (typeof id !== 'string') return undefined;
  const last = id.lastIndexOf('/');
  const end = last > 0 ? id.lastIndexOf('/', last - 1) : -1;
  return end > 0 ? id.slice(0, end) : undefined;
}

/** The parent's name of a child resource named `parent/child` (a literal, or the symbol of an unknown value). */
export function parentNameOf(name: unknown): string | undefined {
  const text = typeof name === 'string' ? name : name instanceof UnknownValue ? name.symbol : undefined;
  const slash = text?.lastIndexOf('/') ?? -1;
  return text !== undefined && slash > 0 ? text.slice(0, slash) : undefined;
}

/** The text two equal references share: a literal, or the symbol of an unknown value. */
function key(value: unknown): string | undefined {
  if (typeof value === 'string') return value.toLowerCase();
  if (value instanceof UnknownValue && value.symbol !== undefined) return value.symbol.toLowerCase();
  return undefined;
}

/**
 * The resources read with a cluster (the same template, the files given
 * together, the same Pulumi stack), looked up as a rule needs them: by id,
 * by a template's reference, or by type.
 */
export class RelatedResources {
  // Indexes, so that a tenant's thousands of clusters are each looked up in constant time.
  private readonly byKey = new Map<string, DescribedResource>();
  private readonly byTypeAndName = new Map<string, DescribedResource>();
  private readonly byType = new Map<string, DescribedResource[]>();

  constructor(
    public readonly resources: readonly DescribedResource[],
    /** Whether the resources are a whole deployment: a reference to a resource of it that is not there is then a resource that exists outside it. */
    public readonly wholeDeployment: boolean,
  ) {
    for (const r of resources) {
      const id = key(r.id);
      if (id !== undefined && !this.byKey.has(id)) this.byKey.set(id, r);
      const type = r.type.toLowerCase();
      const name = key(r.name);
      if (name !== undefined && !this.byTypeAndName.has(`${type}|${name}`)) this.byTypeAndName.set(`${type}|${name}`, r);
      pushTo(this.byType, type, r);
    }
  }

  private besideClusters?: readonly DescribedResource[];

  /**
   * The resources that are neither managed clusters nor their agent pools:
   * what a cluster's coverage, baseline and Azure Policy read beside it (a
   * tenant's other clusters are not its network, settings or locks).
   * Computed once, however many clusters look.
   */
  public get notClusters(): readonly DescribedResource[] {
    this.besideClusters ??= this.resources.filter((r) => {
      const type = r.type.toLowerCase();
      return type !== MANAGED_CLUSTER && type !== AGENT_POOL;
    });
    return this.besideClusters;
  }

  /** Resources of `type`. */
  public ofType(type: string): DescribedResource[] {
    return this.byType.get(type.toLowerCase()) ?? [];
  }

  /**
   * What an extension resource's `scope` names: nothing (`none`), a value not
   * known offline (`unknown`), a resource read (`found`), or a resource not
   * read, by its id as text where the scope gives one.
   */
  public scopeTarget(scope: unknown): ScopeTarget {
    if (scope === undefined || scope === null) return { state: 'none' };
    if (scope instanceof UnknownValue && scope.symbol === undefined) return { state: 'unknown' };
    const found = this.resolve(scope);
    if (found.state === 'found') return { state: 'found', resource: found.resource };
    return { state: found.state === 'unknown' ? 'unknown-reference' : 'not-read', id: typeof scope === 'string' ? scope.toLowerCase() : undefined };
  }

  private byScope?: Map<string, { readonly onRead: Map<DescribedResource, DescribedResource[]>; readonly onId: Map<string, DescribedResource[]> }>;

  /**
   * The resources of `type` whose scope is `target` for certain, in the order
   * read: a scope that resolves to it, or, not found among those read, that
   * is its id as text. Indexed once per type, however many clusters look.
   */
  public scopedOn(target: DescribedResource, type: string): DescribedResource[] {
    this.byScope ??= new Map();
    const t = type.toLowerCase();
    let index = this.byScope.get(t);
    if (index === undefined) {
      index = { onRead: new Map(), onId: new Map() };
      for (const r of this.ofType(type)) {
        const on = this.scopeTarget(r.scope);
        if (on.state === 'found') pushTo(index.onRead, on.resource, r);
        else if ((on.state === 'not-read' || on.state === 'unknown-reference') && on.id !== undefined) pushTo(index.onId, on.id, r);
      }
      this.byScope.set(t, index);
    }
    const read = index.onRead.get(target) ?? [];
    const byId = typeof target.id === 'string' ? index.onId.get(target.id.toLowerCase()) ?? [] : [];
    return this.inReadOrder(read, byId);
  }

  private byParent?: Map<string, DescribedResource[]>;

  /**
   * The child resources of type `type` (`Microsoft.Network/privateDnsZones/virtualNetworkLinks`)
   * under `parent`, in the order read: those whose id runs under the parent's id (a GET, `az` and
   * Resource Graph name a child by its last segment only), and those named under the parent's
   * name (`zone/link`, as a template names them). Indexed once, however many clusters look.
   */
  public childrenOf(parent: Pick<DescribedResource, 'id' | 'name'>, type: string): DescribedResource[] {
    this.byParent ??= this.indexByParent();
    const t = type.toLowerCase();
    const id = typeof parent.id === 'string' ? this.byParent.get(`${t}|id|${parent.id.toLowerCase()}`) ?? [] : [];
    const name = key(parent.name);
    const named = name === undefined ? [] : this.byParent.get(`${t}|name|${name}`) ?? [];
    return this.inReadOrder(id, named);
  }

  private positions?: Map<DescribedResource, number>;

  /** The resources of two lists, each once, in the order read (a list alone as it is: the indexes keep that order). */
  private inReadOrder(a: DescribedResource[], b: DescribedResource[]): DescribedResource[] {
    if (b.length === 0) return a;
    if (a.length === 0) return b;
    this.positions ??= new Map(this.resources.map((r, i) => [r, i]));
    const at = this.positions;
    return [...new Set([...a, ...b])].sort((x, y) => at.get(x)! - at.get(y)!);
  }

  /** Each child resource by its parent's id (its id less the last type and name) and by its parent's name. */
  private indexByParent(): Map<string, DescribedResource[]> {
    const index = new Map<string, DescribedResource[]>();
    for (const r of this.resources) {
      const type = r.type.toLowerCase();
      const parentId = parentIdOf(r.id);
      if (parentId !== undefined) pushTo(index, `${type}|id|${parentId.toLowerCase()}`, r);
      const parentName = parentNameOf(r.name);
      if (parentName !== undefined) pushTo(index, `${type}|name|${parentName.toLowerCase()}`, r);
    }
    return index;
  }

  /** The resource `ref` names (an id, a template reference, or an unknown value with a symbol). */
  public resolve(ref: unknown): Resolved {
    if (ref instanceof UnknownValue && ref.symbol === undefined) return { state: 'unknown', reason: ref.reason };
    const wanted = key(ref);
    if (wanted === undefined) return { state: 'unknown', reason: 'the reference is not a resource id' };
    const byId = this.byKey.get(wanted);
    if (byId) return { state: 'found', resource: byId };
    const parsed = referenceOf(typeof ref === 'string' ? ref : (ref as UnknownValue).symbol);
    if (parsed) {
      const found = this.byTypeAndName.get(`${parsed.type.toLowerCase()}|${parsed.names.join('/').toLowerCase()}`);
      if (found) return { state: 'found', resource: found };
    }
    return { state: 'not-read', reason: `${typeof ref === 'string' ? ref : 'the referenced resource'} is not among the resources read` };
  }

  /**
   * The subnet a subnet id names, as its own resource or inline in its
   * virtual network's `subnets` (ARM nests its settings in `properties`;
   * Pulumi's typed inputs flatten them), with its network.
   */
  public subnet(ref: unknown): { state: 'found'; subnet: Readonly<Record<string, unknown>>; vnet?: DescribedResource } | Exclude<Resolved, { state: 'found' }> {
    const own = this.resolve(ref);
    const vnet = this.vnetOfSubnet(ref);
    if (own.state === 'found') return { state: 'found', subnet: (own.resource.body.properties ?? {}) as Record<string, unknown>, vnet: vnet.state === 'found' ? vnet.resource : undefined };
    if (vnet.state !== 'found') return own.state === 'unknown' ? own : vnet;
    const name = subnetName(ref);
    const inline = ((vnet.resource.body.properties as Record<string, unknown> | undefined)?.subnets ?? []) as unknown;
    if (!Array.isArray(inline)) return { state: 'unknown', reason: `the subnets of ${String(vnet.resource.name)} are not known` };
    const found = inline.find((s) => s && typeof s === 'object' && typeof (s as Record<string, unknown>).name === 'string' && ((s as Record<string, unknown>).name as string).toLowerCase() === name);
    if (!found) return { state: 'not-read', reason: `the subnet ${name} is not among the subnets of ${String(vnet.resource.name)} read` };
    const s = found as Record<string, unknown>;
    return { state: 'found', subnet: (s.properties ?? s) as Record<string, unknown>, vnet: vnet.resource };
  }

  /** The virtual network of a subnet id. */
  public vnetOfSubnet(ref: unknown): Resolved {
    const text = typeof ref === 'string' ? ref : ref instanceof UnknownValue ? ref.symbol : undefined;
    if (text === undefined) return { state: 'unknown', reason: ref instanceof UnknownValue ? ref.reason : 'the subnet reference is not a resource id' };
    const parsed = referenceOf(text);
    if (!parsed || parsed.type.toLowerCase() !== SUBNET) return { state: 'unknown', reason: `${text} is not a subnet id` };
    const at = text.toLowerCase().lastIndexOf('/subnets/');
    if (text.startsWith('/') && at > 0) {
      const direct = this.resolve(text.slice(0, at));
      if (direct.state === 'found') return direct;
    }
    const found = this.byTypeAndName.get(`${VNET}|${parsed.names[0].toLowerCase()}`);
    return found ? { state: 'found', resource: found } : { state: 'not-read', reason: `the virtual network ${parsed.names[0]} is not among the resources read` };
  }
}

function subnetName(ref: unknown): string {
  const text = typeof ref === 'string' ? ref : ref instanceof UnknownValue ? ref.symbol ?? '' : '';
  return (referenceOf(text)?.names[1] ?? '').toLowerCase();
}
