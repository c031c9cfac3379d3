import { parseResourceId } from '../arm/resource-id';
import { ClusterDescription } from '../description/cluster-description';
import { UnknownValue } from '../description/unknown-value';
import { holdsPlaceholder, RESOURCE_GROUP_PLACEHOLDER, SUBSCRIPTION_PLACEHOLDER } from '../readers/arm-template/deployment-scope';

/**
 * A cluster of an approved template, with the template it is in.
 * @internal
 */
export interface ApprovedCluster {
  readonly description: ClusterDescription;
  /** The approved template's file, as named in the report. */
  readonly template: string;
}

/**
 * How a live cluster was matched with an approved one, from the most certain to the least.
 * @internal
 */
export type MatchKind = 'resource id' | 'resource group and name' | 'name';

/**
 * A live cluster's approved cluster, or why it has none or several.
 * @internal
 */
export type ClusterMatch =
  | { readonly state: 'matched'; readonly approved: ApprovedCluster; readonly by: MatchKind; readonly how: string }
  | { readonly state: 'unmanaged' }
  | { readonly state: 'ambiguous'; readonly candidates: readonly ApprovedCluster[]; readonly how: string };

const RANK: Readonly<Record<MatchKind, number>> = { 'resource id': 0, 'resource group and name': 1, name: 2 };

/**
 * The approved cluster a live cluster is: by resource id where the approved
 * template gives it, else by resource group and name, else by name, without
 * regard to case as Azure Resource Manager compares them. A template's
 * subscription and resource group are chosen at deployment, so they match
 * any. When several approved clusters match equally well, none is chosen.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 * @internal
 */
export function matchCluster(live: ClusterDescription, approved: readonly ApprovedCluster[]): ClusterMatch {
  const found = approved.flatMap((a) => {
    const by = matchKind(live, a.description);
    return by === undefined ? [] : [{ approved: a, by }];
  });
  if (found.length === 0) return { state: 'unmanaged' };
  const best = Math.min(...found.map((f) => RANK[f.by]));
  const top = found.filter((f) => RANK[f.by] === best);
  if (top.length === 1) return { state: 'matched', approved: top[0].approved, by: top[0].by, how: describeMatch(top[0].by, top[0].approved) };
  return {
    state: 'ambiguous',
    candidates: top.map((t) => t.approved),
    how: `${top.length} approved clusters match it by ${top[0].by} (${top.map((t) => `${t.approved.template}#${t.approved.description.resource.origin.pointer}`).join(', ')}): give the approved templates of one estate only, or templates that name their resource group`,
  };
}

function matchKind(live: ClusterDescription, approved: ClusterDescription): MatchKind | undefined {
  const liveName = live.name.toLowerCase();
  const approvedName = approved.resource.name;
  const liveId = typeof live.resource.id === 'string' ? parseResourceId(live.resource.id) : undefined;
  const approvedId = approved.resource.id;
  if (typeof approvedId === 'string' && liveId !== undefined) {
    const a = parseResourceId(approvedId);
    if (a === undefined || a.relative.toLowerCase() !== liveId.relative.toLowerCase()) return undefined;
    const sameGroup = samePart(a.resourceGroup, liveId.resourceGroup, RESOURCE_GROUP_PLACEHOLDER);
    const sameSubscription = samePart(a.subscriptionId, liveId.subscriptionId, SUBSCRIPTION_PLACEHOLDER);
    if (sameGroup === false || sameSubscription === false) return undefined;
    if (sameGroup === true && sameSubscription === true) return 'resource id';
    return sameGroup === true ? 'resource group and name' : 'name';
  }
  if (approvedName instanceof UnknownValue) return undefined;
  return approvedName.toLowerCase() === liveName ? 'name' : undefined;
}

/** `true` equal, `false` different, `undefined` the approved part is chosen at deployment. */
function samePart(approved: string, live: string, placeholder: string): boolean | undefined {
  if (approved === placeholder) return undefined;
  if (holdsPlaceholder(approved)) return undefined;
  return approved.toLowerCase() === live.toLowerCase();
}

function describeMatch(by: MatchKind, approved: ApprovedCluster): string {
  const where = `${approved.template}#${approved.description.resource.origin.pointer}`;
  if (by === 'resource id') return `by resource id with ${where}`;
  if (by === 'resource group and name') return `by resource group and name with ${where} (its subscription is chosen at deployment)`;
  const id = approved.description.resource.id;
  const why = id instanceof UnknownValue ? `its id is not known offline: ${id.reason}` : 'its subscription and resource group are chosen at deployment';
  return `by name only with ${where} (${why})`;
}

/**
 * The live cluster's subscription and resource group, which the approved template's placeholders stand for.
 * @internal
 */
export function deploymentPlaceOf(live: ClusterDescription): { subscriptionId?: string; resourceGroup?: string } {
  const id = typeof live.resource.id === 'string' ? parseResourceId(live.resource.id) : undefined;
  return id === undefined ? {} : { subscriptionId: id.subscriptionId, resourceGroup: id.resourceGroup };
}
