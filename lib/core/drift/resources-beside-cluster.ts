import { AGENT_POOL_TYPE, MANAGED_CLUSTER_TYPE } from '../description/cluster-description';
import { DescribedResource } from '../description/described-resource';
import { isArmType, RelatedResources } from '../description/related-resources';
import { UnknownValue } from '../description/unknown-value';

/** The resources of an approved template that belong to one of its clusters, and those that belong to none alone. */
export interface ResourcesBeside {
  readonly own: readonly DescribedResource[];
  /** Resources a template with several clusters deploys for none of them alone (a shared DNS zone): not compared. */
  readonly unattributed: readonly DescribedResource[];
}

/**
 * The resources an approved template deploys beside `cluster`: every one but
 * the clusters and pools when it deploys one cluster; else, with several,
 * those reached from the cluster: what it names (its subnets' network, its
 * workspace, its identity), what is on it or on them (locks, diagnostic
 * settings, role assignments), their children (peerings), what they name
 * (route tables, NSGs), and what names them (a DNS zone's link to its network).
 */
export function resourcesBeside(cluster: DescribedResource, related: RelatedResources): ResourcesBeside {
  const others = related.resources.filter((r) => !isArmType(r.type, MANAGED_CLUSTER_TYPE) && !isArmType(r.type, AGENT_POOL_TYPE));
  const clusters = related.ofType(MANAGED_CLUSTER_TYPE);
  if (clusters.length <= 1) return { own: others, unattributed: [] };
  // What another cluster names itself (its network, workspace, identity) is never this one's, though a peering names it.
  const named = (c: DescribedResource) => new Set(referencesIn(c.body).map((ref) => resolveReference(ref, related)).filter((r): r is DescribedResource => r !== undefined));
  const reachedFrom = (c: DescribedResource) => reached(c, others.filter((r) => !clusters.some((o) => o !== c && named(o).has(r))), related);
  const own = reachedFrom(cluster);
  const anyCluster = new Set(clusters.flatMap((c) => [...reachedFrom(c)]));
  return { own: others.filter((r) => own.has(r)), unattributed: others.filter((r) => !anyCluster.has(r)) };
}

function reached(seed: DescribedResource, candidates: readonly DescribedResource[], related: RelatedResources): Set<DescribedResource> {
  const members = new Set<DescribedResource>([seed]);
  const found = (ref: string) => resolveReference(ref, related);
  const refsOf = new Map(candidates.concat(seed).map((r) => [r, referencesIn(r.body)]));
  let grew = true;
  while (grew) {
    grew = false;
    const ids = [...members].map((m) => (typeof m.id === 'string' ? m.id.toLowerCase() : undefined)).filter((x): x is string => x !== undefined);
    const named = new Set([...members].flatMap((m) => refsOf.get(m)!.map(found)));
    for (const r of candidates) {
      if (members.has(r)) continue;
      const scope = r.scope instanceof UnknownValue ? r.scope.symbol : r.scope;
      const id = typeof r.id === 'string' ? r.id.toLowerCase() : '';
      const on = scope !== undefined && members.has(found(scope) as DescribedResource);
      const child = id !== '' && ids.some((m) => id.startsWith(`${m}/`));
      const namesMember = refsOf.get(r)!.some((ref) => members.has(found(ref) as DescribedResource));
      if (named.has(r) || on || child || namesMember) {
        members.add(r);
        grew = true;
      }
    }
  }
  members.delete(seed);
  return members;
}

/** The resource a reference names: itself, or a subnet's virtual network. */
function resolveReference(ref: string, related: RelatedResources): DescribedResource | undefined {
  const r = related.resolve(ref);
  if (r.state === 'found') return r.resource;
  const vnet = related.vnetOfSubnet(ref);
  return vnet.state === 'found' ? vnet.resource : undefined;
}

/** Every string value and member name in a body: the ids and references it may hold. */
function referencesIn(body: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (v instanceof UnknownValue) {
      if (v.symbol !== undefined) out.push(v.symbol);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.push(k);
        visit(x);
      }
    }
  };
  visit(body);
  return out.filter((s) => s.startsWith('/') || s.startsWith('['));
}
