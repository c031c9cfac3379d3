import { DescribedResource, DocumentReading, NotExamined } from './described-resource';
import { DescribedValue, Locator } from './described-value';
import { Fact } from './fact';
import { isArmType, RelatedResources } from './related-resources';
import { UnknownValue } from './unknown-value';
import { answersByText } from '../memo/answers-by-text';

/** The managed cluster type, compared without regard to case as ARM does. */
export const MANAGED_CLUSTER_TYPE = 'Microsoft.ContainerService/managedClusters';
/** An agent pool declared as its own resource (AVM and the AKS Landing Zone Accelerator write them so). */
export const AGENT_POOL_TYPE = 'Microsoft.ContainerService/managedClusters/agentPools';
/** Why every fact of the cluster of pools read without their cluster is unknown. */
export const CLUSTER_NOT_READ = "the pool's cluster is not among the resources read";

/** One node pool of a cluster: inline in `agentPoolProfiles`, or its own `agentPools` resource. */
export interface DescribedPool {
  /** The pool's profile: `vmSize`, `mode`, `osType`, ... */
  readonly profile: DescribedValue;
  /** Its name. */
  readonly name: Fact;
}

/** How the cluster was described: a library definition, or a document read by the audit or the policy pack. */
export type DescriptionOrigin = 'definition' | 'document';

/** Options of a {@link ClusterDescription}. */
export interface ClusterDescriptionOptions {
  /** @default 'document' */
  readonly origin?: DescriptionOrigin;
  /** Names positions for messages (a definition's reader names its properties). */
  readonly locator?: Locator;
  /** Kubernetes objects deployed with the cluster, where the reader knows them (a definition's FelixConfiguration). */
  readonly kubernetesObjects?: readonly Readonly<Record<string, any>>[];
  /** Weaker choices the definition opted into explicitly (`unrestrictedPublic`), which turn some errors into warnings. */
  readonly optIns?: ReadonlySet<string>;
  /**
   * Whether `resource` is the cluster as read; `false` only from
   * {@link ClusterDescription.ofPoolsWithoutCluster}.
   * @default true
   * @internal
   */
  readonly clusterRead?: boolean;
  /**
   * Why the cluster's facts are unknown when it was not read.
   * @default CLUSTER_NOT_READ
   * @internal
   */
  readonly notReadReason?: string;
}

/** A fact's REST path split at its last dot: the position that holds the fact (none for a member of the body) and its member. */
interface FactPath {
  readonly holderPath?: string;
  readonly member: string;
}

/**
 * Each fact's path split once, by its exact text: the rules read the same paths on every cluster of a
 * tenant, and the parts, made once, are found again without being cut and hashed anew.
 */
const factPath = answersByText((path): FactPath => {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? { member: path } : { holderPath: path.slice(0, dot), member: path.slice(dot + 1) };
});

/**
 * One description of one AKS cluster, whatever it was read from: the
 * managed cluster resource, its node pools, and the resources read with it.
 * Every rule of the library reads a cluster through this.
 */
export class ClusterDescription {
  /** The cluster resource's body (`properties`, `sku`, `identity`, ...). */
  public readonly root: DescribedValue;
  private readonly locator?: Locator;
  public readonly origin: DescriptionOrigin;
  public readonly optIns: ReadonlySet<string>;
  /**
   * Whether the cluster resource itself was read. It was not for node pools
   * whose cluster is not among the resources read (see
   * {@link ClusterDescription.ofPoolsWithoutCluster}): then every fact of the
   * cluster is unknown and only the rules that judge node pools run.
   */
  public readonly clusterRead: boolean;
  /** Kubernetes objects deployed with the cluster, where known; `undefined` when they were not read. */
  public readonly kubernetesObjects?: readonly Readonly<Record<string, any>>[];
  private poolsCache?: DescribedPool[] | Fact;
  /**
   * Facts by REST path, read once: many rules read the same ones. Made at the
   * first reading and dropped by {@link forgetReadings}, not made with the
   * description: a table as old as a tenant's descriptions kept each audit's
   * facts alive until a full collection (the peak of a 10,000-cluster audit
   * was 1.6 times higher).
   */
  private facts?: Map<string, Fact>;
  /** Positions by REST path (`properties.networkProfile`), walked once: most facts are members of a few of them. */
  private positions?: Map<string, DescribedValue | Fact>;

  constructor(
    public readonly resource: DescribedResource,
    /** The node pools declared as their own resources. */
    public readonly poolResources: readonly DescribedResource[],
    public readonly related: RelatedResources,
    options: ClusterDescriptionOptions = {},
  ) {
    this.locator = options.locator;
    this.clusterRead = options.clusterRead ?? true;
    const notRead = new UnknownValue(options.notReadReason ?? CLUSTER_NOT_READ);
    this.root = new DescribedValue(this.clusterRead ? resource.body : notRead, '', resource.origin, options.locator);
    this.origin = options.origin ?? 'document';
    this.optIns = options.optIns ?? new Set();
    this.kubernetesObjects = options.kubernetesObjects;
  }

  /**
   * Node pools declared as their own resources (`agentPools`, azure-native
   * `AgentPool`, azurerm `kubernetes_cluster_node_pool`) whose cluster is not
   * among the resources read: a template or a stack that adds pools to an
   * existing cluster. They are described as the pools of a cluster of which
   * nothing is known, so the rules of node pools decide what the pools show
   * and leave undecided, with `reason` (by default {@link CLUSTER_NOT_READ}),
   * what needs the cluster. No value of the cluster is invented.
   */
  public static ofPoolsWithoutCluster(pools: readonly DescribedResource[], related: RelatedResources, options: ClusterDescriptionOptions = {}, reason = CLUSTER_NOT_READ): ClusterDescription {
    const [first] = pools;
    const name = first.name;
    const parent = parentName(name);
    const unnamed = typeof name === 'string' ? `the pool's name '${name}' names no cluster` : `the name of the pool's cluster is not known (${name.reason})`;
    // The cluster is written nowhere; it is named in the pool's name, where its unknown facts are located.
    const origin = { document: first.origin.document, pointer: `${first.origin.pointer}/name` };
    const cluster: DescribedResource = { type: MANAGED_CLUSTER_TYPE, name: parent ?? new UnknownValue(unnamed), body: {}, origin };
    return new ClusterDescription(cluster, pools, related, { ...options, clusterRead: false, notReadReason: reason });
  }

  /** The cluster's name as read. */
  public get name(): string {
    return typeof this.resource.name === 'string' ? this.resource.name : this.resource.name.toString();
  }

  /** Another resource read with the cluster, as a position whose facts are named as the cluster's are. */
  public describe(resource: DescribedResource): DescribedValue {
    return new DescribedValue(resource.body, '', resource.origin, this.locator);
  }

  /** The cluster's name as a fact (the resource's `name`, beside its body). */
  public get nameFact(): Fact {
    const name = this.resource.name;
    const at = this.root.locatorOf('name', { document: this.resource.origin.document, pointer: `${this.resource.origin.pointer}/name` });
    return name instanceof UnknownValue ? { state: 'unknown', reason: name.reason, path: 'name', at } : { state: 'known', value: name, path: 'name', at };
  }

  /** A fact of the cluster resource, by REST path (`properties.networkProfile.podCidr`, `sku.tier`). */
  public fact(path: string): Fact {
    this.facts ??= new Map();
    let found = this.facts.get(path);
    if (found === undefined) {
      // The member of the position that holds it: the same fact as walking the whole path from the root.
      const { holderPath, member } = factPath(path);
      const holder = holderPath === undefined ? this.root : this.position(holderPath);
      found = holder instanceof DescribedValue ? holder.fact(member) : holder;
      this.facts.set(path, found);
    }
    return found;
  }

  /** The position at a REST path, walked once per audit (or the fact that stops the walk). */
  private position(path: string): DescribedValue | Fact {
    this.positions ??= new Map();
    let found = this.positions.get(path);
    if (found === undefined) {
      found = this.root.walk(path);
      this.positions.set(path, found);
    }
    return found;
  }

  /** The value as read at a REST path of the cluster, or of one of its pools' profiles (`properties.agentPoolProfiles[0].vnetSubnetID`). */
  public rawAt(path: string): unknown {
    const pools = this.pools;
    if (Array.isArray(pools)) {
      for (const p of pools) {
        if (path.startsWith(`${p.profile.path}.`)) {
          const found = p.profile.walk(path.slice(p.profile.path.length + 1));
          return found instanceof DescribedValue ? found.raw : undefined;
        }
      }
    }
    const found = this.root.walk(path);
    return found instanceof DescribedValue ? found.raw : undefined;
  }

  /** The position at a REST path (absent or unknown stop the walk and come back as a fact). */
  public at(path: string): DescribedValue | Fact {
    return this.root.walk(path);
  }

  /**
   * Forgets the facts and pools read so far; they are read again when asked
   * for, the same. An audit of a tenant forgets them after each cluster, so
   * that its thousands of descriptions do not each keep what was read of them.
   */
  public forgetReadings(): void {
    this.facts = undefined;
    this.positions = undefined;
    this.poolsCache = undefined;
  }

  /** Every node pool, or the fact why they are not known (an expression in place of `agentPoolProfiles`). */
  public get pools(): DescribedPool[] | Fact {
    if (this.poolsCache === undefined) this.poolsCache = this.readPools();
    return this.poolsCache;
  }

  /** Whether the resources read are the whole deployment, so that absent means absent. */
  public get wholeDeployment(): boolean {
    return this.related.wholeDeployment;
  }

  /** Whether an extension resource (a diagnostic setting, a lock, a role assignment) is on this cluster. */
  public isScopeOfThisCluster(scope: unknown): boolean | undefined {
    const on = this.related.scopeTarget(scope);
    if (on.state === 'none') return false;
    if (on.state === 'unknown') return undefined;
    if (on.state === 'found') return on.resource === this.resource;
    const id = this.resource.id;
    if (typeof id === 'string' && on.id !== undefined) return id.toLowerCase() === on.id;
    return on.state === 'unknown-reference' ? undefined : false;
  }

  /** The resources of `type` on this cluster for certain (those {@link isScopeOfThisCluster} says are), in the order read. */
  public extensionsOfType(type: string): DescribedResource[] {
    return this.related.scopedOn(this.resource, type);
  }

  private readPools(): DescribedPool[] | Fact {
    const inline = this.inlinePools();
    if (!Array.isArray(inline)) return inline;
    const own = this.poolResources.map((r): DescribedPool => {
      const origin = r.origin;
      const profile = new DescribedValue(r.body.properties, 'properties', { document: origin.document, pointer: `${origin.pointer}/properties` });
      const name = r.name instanceof UnknownValue
        ? { state: 'unknown' as const, reason: r.name.reason, path: 'name', at: { document: origin.document, pointer: `${origin.pointer}/name` } }
        : { state: 'known' as const, value: r.name.split('/').pop()!, path: 'name', at: { document: origin.document, pointer: `${origin.pointer}/name` } };
      return { profile, name };
    });
    return [...inline, ...own];
  }

  /** The pools written in `agentPoolProfiles`, or the fact why they are not known. */
  private inlinePools(): DescribedPool[] | Fact {
    // A cluster not read may have pools of its own: the pools judged are those read.
    if (!this.clusterRead) return [];
    const inline = this.root.walk('properties.agentPoolProfiles');
    if (!(inline instanceof DescribedValue)) return inline.state === 'unknown' ? inline : [];
    const elements = inline.elements();
    // No inline pools (absent) still leaves the pools declared as their own resources to judge.
    if (!Array.isArray(elements)) return elements.state === 'absent' ? [] : elements;
    return elements.map((profile) => ({ profile, name: profile.fact('name') }));
  }
}

/** Everything read from documents given together: the clusters, and what was seen but not examined. */
export interface DescribedDeployment {
  readonly clusters: readonly ClusterDescription[];
  readonly notExamined: readonly NotExamined[];
  /**
   * Agent pools whose cluster is not among the resources read, one
   * description per cluster they name (see {@link ClusterDescription.ofPoolsWithoutCluster}).
   */
  readonly orphanPools: readonly ClusterDescription[];
}

/**
 * The clusters of documents read together (one deployment: a template, the
 * files given together, a Pulumi stack), each with its node pools and every
 * other resource read.
 */
export function describeDeployment(readings: readonly DocumentReading[], options: ClusterDescriptionOptions = {}): DescribedDeployment {
  const resources = readings.flatMap((r) => r.resources);
  // Absent means absent only where everything was read: a loop of unknown count or a linked template may hold the resource.
  const whole = readings.length > 0 && readings.every((r) => r.wholeDeployment) && readings.every((r) => r.notExamined.length === 0);
  const related = new RelatedResources(resources, whole);
  const clusters = resources.filter((r) => isArmType(r.type, MANAGED_CLUSTER_TYPE));
  const pools = resources.filter((r) => isArmType(r.type, AGENT_POOL_TYPE));
  const used = new Set<DescribedResource>();
  // A pool whose cluster's name is not known belongs to the only cluster there is, if there is one.
  const sole = clusters.length === 1 ? clusters[0] : undefined;
  const described = clusters.map((cluster) => {
    const own = pools.filter((p) => poolOf(p, cluster) || (cluster === sole && poolOf(p, cluster) === undefined));
    own.forEach((p) => used.add(p));
    return new ClusterDescription(cluster, own, related, options);
  });
  const orphans = pools.filter((p) => !used.has(p));
  // A pool is surely none of the clusters' when there is none, or every name involved is a literal.
  const literalClusterNames = clusters.every((c) => typeof c.name === 'string');
  const surelyNotRead = (pool: DescribedResource) => clusters.length === 0 || (literalClusterNames && typeof pool.name === 'string');
  return { clusters: described, notExamined: readings.flatMap((r) => r.notExamined), orphanPools: poolsWithoutCluster(orphans, surelyNotRead, related, options) };
}

/** Pools whose cluster was not read, grouped by the cluster their names give (a pool whose name gives none on its own). */
function poolsWithoutCluster(pools: readonly DescribedResource[], surelyNotRead: (pool: DescribedResource) => boolean, related: RelatedResources, options: ClusterDescriptionOptions): ClusterDescription[] {
  const groups = new Map<string, DescribedResource[]>();
  pools.forEach((p, i) => {
    const parent = parentName(p.name);
    const key = parent === undefined ? `#${i}` : parent.toLowerCase();
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  });
  return [...groups.values()].map((group) => {
    const reason = surelyNotRead(group[0]) ? CLUSTER_NOT_READ : "which cluster the pool belongs to is not known: a name is not known offline";
    return ClusterDescription.ofPoolsWithoutCluster(group, related, options, reason);
  });
}

/** The cluster's name in a literal pool name `<cluster>/<pool>`. */
function parentName(name: string | UnknownValue): string | undefined {
  if (typeof name !== 'string') return undefined;
  const slash = name.lastIndexOf('/');
  return slash > 0 ? name.slice(0, slash) : undefined;
}

/** Whether an agent pool resource (`<cluster>/<pool>`) belongs to `cluster`. */
function poolOf(pool: DescribedResource, cluster: DescribedResource): boolean | undefined {
  const poolName = nameText(pool.name);
  const clusterName = nameText(cluster.name);
  if (poolName === undefined || clusterName === undefined) return undefined;
  const slash = poolName.lastIndexOf('/');
  return slash > 0 && poolName.slice(0, slash).toLowerCase() === clusterName.toLowerCase();
}

/** A name as text two resources can be matched by: a literal, or the symbol of an unknown name. */
function nameText(name: string | UnknownValue): string | undefined {
  return typeof name === 'string' ? name : name.symbol;
}
