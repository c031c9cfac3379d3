import { CLUSTER_RULES } from '../aks/cluster-rule-set';
import { ClusterDescription } from '../description/cluster-description';
import { DescribedResource } from '../description/described-resource';
import { Fact, isDocumentLocation } from '../description/fact';
import { isArmType } from '../description/related-resources';
import { UnknownValue } from '../description/unknown-value';
import { RESOURCE_GROUP_PLACEHOLDER, SUBSCRIPTION_PLACEHOLDER } from '../readers/arm-template/deployment-scope';
import { evaluateClusterRules } from '../rules/evaluate-cluster-rules';
import { RuleEvaluationOptions } from '../rules/rule-evaluation-options';
import { Rule } from '../validation/rule';
import { Violation } from '../validation/violation';
import { ApprovedValueComparison, DeploymentPlace, FactDifference, UndecidedFact } from './approved-value-comparison';
import { ApprovedCluster, deploymentPlaceOf } from './cluster-matching';
import { resourcesBeside } from './resources-beside-cluster';

/**
 * One resource compared: the cluster, or a resource its approved template deploys beside it.
 * @internal
 */
export interface ComparedResource {
  readonly type: string;
  readonly name: string;
  /** The live resource's id, when the live document gives it. */
  readonly id?: string;
  /** For an extension resource (a lock, a diagnostic setting): the resource it is on, below its resource group. */
  readonly on?: string;
}

/**
 * A fact that differs from the approved one, with the catalog rules its live value breaks.
 * @internal
 */
export interface Drift extends FactDifference {
  readonly resource: ComparedResource;
  /** Rules of the catalog whose findings on the live cluster are at this fact (or inside it). */
  readonly brokenRules: readonly Rule[];
  /** The findings themselves. */
  readonly findings: readonly Violation[];
}

/**
 * A fact the approved template does not know offline: neither drift nor no drift.
 * @internal
 */
export interface UndecidedDrift extends UndecidedFact {
  readonly resource: ComparedResource;
}

/**
 * A resource of the approved template that was not compared, and why.
 * @internal
 */
export interface NotCompared {
  readonly resource: ComparedResource;
  readonly reason: string;
}

/**
 * The drift of one live cluster from its approved template.
 * @internal
 */
export interface ClusterDrift {
  readonly live: ClusterDescription;
  readonly approved: ApprovedCluster;
  /** How the two were matched (`by resource group and name with ...`). */
  readonly matchedBy: string;
  readonly drifts: readonly Drift[];
  readonly undecided: readonly UndecidedDrift[];
  readonly notCompared: readonly NotCompared[];
  /** Findings of rules the live cluster breaks and the approved template keeps, on no drifted fact. */
  readonly newlyBroken: readonly Violation[];
}

const POOLS = /^properties\.agentPoolProfiles$/i;

/**
 * Compares a live cluster with its approved template, fact by fact: the
 * cluster resource, its node pools (by name, inline or their own
 * resources), and the resources the template deploys beside it that the
 * live input also holds. Each drift carries the catalog rules the live value
 * breaks: the one rule set runs on the live description, and a finding at
 * the drifted fact (or inside it) names its rule. A value the approved
 * template leaves absent is not asserted, unless a rule the approved
 * template keeps fails there on the live cluster.
 * @internal
 */
export function compareCluster(live: ClusterDescription, approved: ApprovedCluster, matchedBy: string, options: RuleEvaluationOptions = {}): ClusterDrift {
  const place = deploymentPlaceOf(live);
  const a = approved.description;
  const drifts: Array<FactDifference & { resource: ComparedResource }> = [];
  const undecided: UndecidedDrift[] = [];
  const notCompared: NotCompared[] = [];
  const clusterResource = comparedOf(live.resource);

  const autoscaled = autoscaledPools(a);
  const comparison = new ApprovedValueComparison(place, (path) => POOLS.test(path) || autoscaled.has(path.toLowerCase()));
  comparison.compare(a.root, live.root, '');
  comparePools(a, live, comparison);
  collect(comparison, clusterResource, drifts, undecided);

  const beside = resourcesBeside(a.resource, a.related);
  for (const resource of beside.unattributed) {
    notCompared.push({ resource: comparedOf(resource), reason: 'deployed by the approved template for several clusters, not one: not compared' });
  }
  for (const resource of beside.own) {
    if (typeof resource.id !== 'string') {
      notCompared.push({ resource: comparedOf(resource), reason: `its id is not known offline (${resource.id instanceof UnknownValue ? resource.id.reason : 'the template gives none'})` });
      continue;
    }
    const found = liveResource(resource.id, resource.type, live, place);
    if (found === undefined) {
      notCompared.push({ resource: comparedOf(resource), reason: 'not in the live input (give their GET, az output or Resource Graph rows with the cluster)' });
      continue;
    }
    const c = new ApprovedValueComparison(place);
    c.compare(a.describe(resource), live.describe(found), '');
    collect(c, comparedOf(found), drifts, undecided);
  }
  return { live, approved, matchedBy, ...withBrokenRules(live, a, drifts, options), undecided, notCompared };
}

/**
 * The `count` of each approved pool with the cluster autoscaler on: the
 * autoscaler moves it between `minCount` and `maxCount`, which are compared.
 * @see https://learn.microsoft.com/azure/aks/cluster-autoscaler
 */
function autoscaledPools(approved: ClusterDescription): Set<string> {
  const pools = approved.pools;
  if (!Array.isArray(pools)) return new Set();
  return new Set(
    pools
      .filter((p) => {
        const f = p.profile.fact('enableAutoScaling');
        return f.state === 'known' && String(f.value).toLowerCase() === 'true' && p.name.state === 'known';
      })
      .map((p) => `properties.agentPoolProfiles['${String(p.name.state === 'known' ? p.name.value : '')}'].count`.toLowerCase()),
  );
}

function collect(c: ApprovedValueComparison, resource: ComparedResource, drifts: Array<FactDifference & { resource: ComparedResource }>, undecided: UndecidedDrift[]): void {
  drifts.push(...c.differences.map((d) => ({ ...d, resource })));
  undecided.push(...c.undecided.map((u) => ({ ...u, resource })));
}

/** Node pools by name, whether inline (`agentPoolProfiles`) or `agentPools` resources on either side. */
function comparePools(approved: ClusterDescription, live: ClusterDescription, comparison: ApprovedValueComparison): void {
  const path = (name: string) => `properties.agentPoolProfiles['${name}']`;
  const approvedPools = approved.pools;
  const livePools = live.pools;
  if (!Array.isArray(approvedPools)) {
    // Unknown pools (an expression in place of the list) compare as undecided; absent ones are not asserted.
    if (approvedPools.state === 'unknown') comparison.undecided.push({ path: approvedPools.path, approved: approvedPools, live: live.fact('properties.agentPoolProfiles'), reason: approvedPools.reason });
    return;
  }
  const text = (f: Fact) => (f.state === 'known' && typeof f.value === 'string' ? f.value : undefined);
  const liveList = Array.isArray(livePools) ? livePools : [];
  for (const pool of approvedPools) {
    const name = text(pool.name);
    if (name === undefined) {
      comparison.compare(pool.profile, livePools instanceof Array ? { state: 'absent', path: pool.profile.path, at: pool.profile.provenance } : livePools, pool.profile.path);
      continue;
    }
    const match = liveList.find((p) => text(p.name)?.toLowerCase() === name.toLowerCase());
    comparison.compare(pool.profile, match?.profile ?? (Array.isArray(livePools) ? { state: 'absent', path: path(name), at: live.root.fact('properties.agentPoolProfiles').at } : livePools), path(name));
  }
  for (const extra of liveList.filter((p) => !approvedPools.some((a) => text(a.name)?.toLowerCase() === text(p.name)?.toLowerCase()))) {
    const name = text(extra.name) ?? '?';
    comparison.differences.push({ path: path(name), approved: { state: 'absent', path: path(name), at: approved.root.fact('properties.agentPoolProfiles').at }, live: extra.profile.asFact() });
  }
}

/** The live resource an approved one is: the same id once the template's placeholders stand for the live cluster's place. */
function liveResource(approvedId: string, type: string, live: ClusterDescription, place: DeploymentPlace): DescribedResource | undefined {
  if (place.subscriptionId !== undefined && place.resourceGroup !== undefined) {
    // Looked up by id (an index), so that a tenant's export is not scanned once per resource.
    const id = approvedId.split(SUBSCRIPTION_PLACEHOLDER).join(place.subscriptionId).split(RESOURCE_GROUP_PLACEHOLDER).join(place.resourceGroup);
    const found = live.related.resolve(id);
    return found.state === 'found' && found.resource !== live.resource && isArmType(found.resource.type, type) && found.resource.id !== undefined ? found.resource : undefined;
  }
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escape(approvedId).split(escape(SUBSCRIPTION_PLACEHOLDER)).join('[^/]+').split(escape(RESOURCE_GROUP_PLACEHOLDER)).join('[^/]+')}$`, 'i');
  return live.related.ofType(type).find((r) => r !== live.resource && typeof r.id === 'string' && pattern.test(r.id));
}

function comparedOf(r: DescribedResource): ComparedResource {
  const scope = typeof r.scope === 'string' ? r.scope.replace(/^.*?\/providers\//i, '') : undefined;
  return { type: r.type, name: String(r.name), ...(typeof r.id === 'string' ? { id: r.id } : {}), ...(scope ? { on: scope } : {}) };
}

/** Whether a finding is at a drifted fact or inside it (the same document, the same or a longer JSON pointer). */
function relates(finding: Violation, drift: FactDifference): boolean {
  const at = drift.live.at;
  if (finding.at === undefined || !isDocumentLocation(finding.at) || !isDocumentLocation(at) || finding.at.document !== at.document) return false;
  const [f, d] = [finding.at.pointer, at.pointer];
  return f === d || f.startsWith(`${d}/`);
}

/**
 * Runs the one rule set on both descriptions, attaches each live finding to
 * the drift it is at, and turns a finding of a rule the approved template
 * keeps, where the approved template says nothing, into drift too.
 */
function withBrokenRules(live: ClusterDescription, approved: ClusterDescription, differences: ReadonlyArray<FactDifference & { resource: ComparedResource }>, options: RuleEvaluationOptions) {
  const liveOutcomes = evaluateClusterRules(live, CLUSTER_RULES, options);
  const approvedFailing = failingRules(approved, options);
  const findings = liveOutcomes.flatMap((o) => o.findings);
  const drifts: Drift[] = differences.map((d) => {
    const on = findings.filter((f) => relates(f, d));
    return { ...d, brokenRules: uniqueRules(on), findings: on };
  });
  const newlyBroken: Violation[] = [];
  const attach = (d: Drift, f: Violation) => {
    (d.findings as Violation[]).push(f);
    if (!d.brokenRules.includes(f.rule)) (d.brokenRules as Rule[]).push(f.rule);
  };
  for (const f of findings.filter((x) => !approvedFailing.has(x.rule.id) && !drifts.some((d) => d.findings.includes(x)))) {
    const related = drifts.find((d) => relates(f, d));
    if (related) {
      attach(related, f);
      continue;
    }
    // A rule the approved template keeps, broken where the approved template says nothing: that is drift too.
    const facts = f.at === undefined ? undefined : factsAt(approved, live, f.property);
    if (facts !== undefined && facts.approved.state === 'absent' && facts.live.state !== 'absent') {
      drifts.push({ path: facts.path, approved: facts.approved, live: facts.live, resource: comparedOf(live.resource), brokenRules: [f.rule], findings: [f] });
      continue;
    }
    // A finding beside a drift (a public API server without ranges, once private is turned off) is that drift's.
    const sibling = drifts.find((d) => sameParent(f, d));
    if (sibling) attach(sibling, f);
    else newlyBroken.push(f);
  }
  return { drifts, newlyBroken };
}

const FAILING = new WeakMap<ClusterDescription, ReadonlySet<string>>();

/** The rules an approved cluster breaks (evaluated once per approved cluster, however many live clusters match it, on the run's one evaluation date). */
function failingRules(approved: ClusterDescription, options: RuleEvaluationOptions): ReadonlySet<string> {
  let found = FAILING.get(approved);
  if (found === undefined) {
    found = new Set(evaluateClusterRules(approved, CLUSTER_RULES, options).filter((o) => o.verdict === 'fail').map((o) => o.rule.id));
    FAILING.set(approved, found);
  }
  return found;
}

/** The approved and live facts at a live finding's REST path (a pool's matched by its name, and named so in the path). */
function factsAt(approved: ClusterDescription, live: ClusterDescription, path: string): { path: string; approved: Fact; live: Fact } | undefined {
  const pool = /^properties\.agentPoolProfiles\[(\d+)\]\.([^[]+)$/i.exec(path);
  if (!pool) return path.includes('[') ? undefined : { path, approved: approved.fact(path), live: live.fact(path) };
  const livePools = live.pools;
  const approvedPools = approved.pools;
  if (!Array.isArray(livePools) || !Array.isArray(approvedPools)) return undefined;
  const livePool = livePools[Number(pool[1])];
  if (livePool?.name.state !== 'known') return undefined;
  const name = String(livePool.name.value);
  const match = approvedPools.find((p) => p.name.state === 'known' && String(p.name.value).toLowerCase() === name.toLowerCase());
  if (!match) return undefined;
  return { path: `properties.agentPoolProfiles['${name}'].${pool[2]}`, approved: match.profile.fact(pool[2]), live: livePool.profile.fact(pool[2]) };
}

/** Whether a finding is on a member of the object that holds a drifted fact. */
function sameParent(finding: Violation, drift: FactDifference): boolean {
  const at = drift.live.at;
  if (finding.at === undefined || !isDocumentLocation(finding.at) || !isDocumentLocation(at) || finding.at.document !== at.document) return false;
  const parent = (p: string) => p.slice(0, p.lastIndexOf('/'));
  return parent(finding.at.pointer) === parent(at.pointer) || finding.at.pointer.startsWith(`${parent(at.pointer)}/`);
}

function uniqueRules(findings: readonly Violation[]): Rule[] {
  const out: Rule[] = [];
  for (const f of findings) if (!out.includes(f.rule)) out.push(f.rule);
  return out;
}
