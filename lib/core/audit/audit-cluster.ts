import { EgressPath, egressPathOfCluster } from '../aks/egress-path';
import { BaselineStatus, securityBaselineStatuses } from '../aks/security-baseline';
import { ClusterDescription } from '../description/cluster-description';
import { DescribedResource } from '../description/described-resource';
import { guardedView, orUndecided } from '../description/guarded-view';
import { UnknownValue } from '../description/unknown-value';
import { Undecided } from '../rules/undecided';
import { FlowCoverage } from '../encryption/encryption-coverage';
import { AZURE_POLICY_AKS_DEFINITIONS } from '../policy/azure-policy-definitions.generated';
import { evaluateAzurePolicy, PolicyResult } from '../policy/evaluate-azure-policy';
import { RuleOutcome } from '../rules/rule-outcome';
import { RuleEvaluationOptions } from '../rules/rule-evaluation-options';
import { EvaluationDate } from '../versions/evaluation-date';
import { Violation } from '../validation/violation';
import { AuditedCluster, AuditedResource, AzureDescriptionForm } from './audited-resource';
import { auditPoolsWithoutCluster } from './audit-pools-without-cluster';
import { auditedControl, auditedRuleOutcomes } from './audited-rule-outcomes';
import { UndecidedRule } from './cluster-payload-rules';
import { REST_NAMES_BY_LOWERCASE } from '../readers/azure-json/rest-names';
import { Rules } from '../validation/rule-catalog';
import { escapeUnsafeCharacters, findUnsafeCharacter } from '../validation/unsafe-characters';
import { DeployedTransitEncryption, transitEncryptionOfCluster } from '../encryption/pod-traffic-encryption';
import { deployedEncryptionCoverageOf } from '../encryption/deployed-encryption-coverage';
import { apiServerReachability, ReachabilityStatement } from '../reachability/api-server-reachability';
import { answersByText } from '../memo/answers-by-text';
import { lowerCaseName } from '../description/lower-case-name';

/**
 * One control of the security baseline on an audited cluster.
 * @category Audit
 */
export interface AuditedControl {
  readonly id: string;
  readonly title: string;
  /** From the outcomes of the rules that decide it: `not-verified` when one of them is undecided. */
  readonly status: BaselineStatus;
  /** The ids of the rules whose outcomes decide the control (and of those that leave it met in part). */
  readonly decidedBy: readonly string[];
}

/**
 * One Azure Policy built-in on an audited cluster.
 * @category Audit
 */
export interface AuditedPolicy {
  readonly result: PolicyResult;
  /**
   * `not-verified` for an AuditIfNotExists definition when the related resources were not read;
   * `undecided` when a value the definition reads is not known.
   */
  readonly state: PolicyResult['state'] | 'not-verified' | 'undecided';
}

/**
 * Everything the audit says of one cluster.
 * @category Audit
 */
export interface ClusterAudit {
  readonly cluster: AuditedCluster;
  /** Broken rules, errors first. */
  readonly violations: readonly Violation[];
  /** Rules not decided: a value they need is not known, or a resource they need was not read. */
  readonly undecided: readonly UndecidedRule[];
  /** Every rule's verdict (pass, fail or undecided) with what decided it. */
  readonly outcomes: readonly RuleOutcome[];
  readonly transitEncryption: DeployedTransitEncryption;
  readonly coverage: readonly FlowCoverage[];
  readonly egress: EgressPath;
  readonly baseline: readonly AuditedControl[];
  readonly policies: readonly AuditedPolicy[];
  /** Every path to the API server and whether the internet reaches it (undecided where a fact is not known or a resource was not read). */
  readonly reachability: ReachabilityStatement;
  /** The day the support windows were judged on (`YYYY-MM-DD`, UTC). */
  readonly evaluationDate: EvaluationDate;
}


/**
 * Audits one cluster as described: every cluster rule (pass, fail or
 * undecided), the encryption coverage, the egress path, the security baseline
 * Azure Policy's built-in definitions for AKS, and every path to the API
 * server (its reachability from the internet). A template or a plan is a
 * whole deployment: a resource absent from it is absent. A live cluster read
 * on its own is not: what needs its separate resources is not verified. A
 * value the reader could not know makes what reads it undecided, never a pass.
 * The support windows are judged on `options.evaluationDate` (default: today in UTC).
 * Pools whose cluster was not read get the audit of their pools alone ({@link auditPoolsWithoutCluster}).
 * @internal
 */
export function auditCluster(d: ClusterDescription, form: AzureDescriptionForm = 'rest', options: RuleEvaluationOptions = {}): ClusterAudit {
  if (!d.clusterRead) return auditPoolsWithoutCluster(d, form, options);
  const { evaluationDate, outcomes, undecided, violations } = auditedRuleOutcomes(d, options);
  const wholeDeployment = d.wholeDeployment;
  const audited = auditedOf(d.resource);
  // What the coverage, baseline and Azure Policy read beside the cluster: the resources that are not clusters
  // (a tenant's other clusters are not this one's network, settings or locks), each converted once.
  const { audited: others, policy: relatedJson } = besideClusterViews(d.related.notClusters);
  // The name heads the cluster's report: printed only with unsafe characters escaped, and refused where it is written.
  const unsafeName = findUnsafeCharacter(audited.name);
  if (unsafeName) {
    violations.unshift({ rule: Rules.unsafeCharacters, property: 'name', value: escapeUnsafeCharacters(audited.name), fix: 'remove the character: Azure names hold none', detail: unsafeName, at: d.nameFact.at });
    (audited as { name: string }).name = escapeUnsafeCharacters(audited.name);
  }
  const { document, pointer } = d.resource.origin;
  const cluster: AuditedCluster = { source: pointer === '' ? document : `${document}#${pointer}`, form, cluster: audited, related: others };

  // What the reports say of encryption and egress is read by the rules' own readings of the same description.
  const transitEncryption = transitEncryptionOfCluster(d);
  const coverage = deployedEncryptionCoverageOf(d, transitEncryption);
  const egress = egressPathOfCluster(d);
  const baseline = securityBaselineStatuses(outcomes).map((r): AuditedControl => auditedControl(r.check, r.status));
  const json = policyResource(d.resource);
  const policies = AZURE_POLICY_AKS_DEFINITIONS.map((definition): AuditedPolicy => {
    const result = orUndecided(() => evaluateAzurePolicy(definition, json, relatedJson), () => undefined);
    if (result === undefined) return { result: { definition, effect: definition.policyRule?.then?.effect ?? 'unknown', state: 'not-applicable' } as unknown as PolicyResult, state: 'undecided' };
    const needsRelated = /ifnotexists$/i.test(result.effect);
    return { result, state: needsRelated && !wholeDeployment && result.state === 'non-compliant' ? 'not-verified' : result.state };
  });
  const reachability = apiServerReachability(d);
  d.forgetReadings();
  return { cluster, violations, undecided, outcomes, transitEncryption, coverage, egress, baseline, policies, reachability, evaluationDate };
}

/** The resources beside a deployment's clusters as the coverage, baseline and Azure Policy read them. */
interface BesideClusterViews {
  readonly audited: readonly AuditedResource[];
  /** Frozen: the evaluator indexes a frozen deployment by type once (see {@link evaluateAzurePolicy}). */
  readonly policy: readonly Record<string, unknown>[];
}

const BESIDE_CLUSTER_VIEWS = new WeakMap<readonly DescribedResource[], BesideClusterViews>();

/**
 * {@link auditedOf} and {@link policyResource} of the resources beside the
 * clusters, made once per deployment however many of its clusters read
 * them: made per cluster, an estate's audit grew with the square of its
 * clusters. Keyed by the list {@link RelatedResources.notClusters} computes
 * once and never changes.
 */
function besideClusterViews(besideCluster: readonly DescribedResource[]): BesideClusterViews {
  let found = BESIDE_CLUSTER_VIEWS.get(besideCluster);
  if (!found) {
    found = { audited: besideCluster.map(auditedOf), policy: Object.freeze(besideCluster.map(policyResource)) };
    BESIDE_CLUSTER_VIEWS.set(besideCluster, found);
  }
  return found;
}

/**
 * A described resource in the shape the coverage, baseline and Azure Policy
 * code read, with every unknown value guarded: reading one stops that code
 * undecided.
 */
function auditedOf(r: DescribedResource): AuditedResource {
  // The code below reads REST names as written in the API (`authorizedIPRanges`); `az` writes some in other casing.
  const body = guardedView(r.body, restName) as Record<string, any>;
  const text = (v: unknown) => (typeof v === 'string' ? v : v instanceof UnknownValue ? v.toString() : undefined);
  const resource = {
    id: text(r.id),
    name: text(r.name) ?? '',
    type: r.type,
    apiVersion: r.apiVersion,
    location: readOrUndefined(() => body.location),
    sku: readOrUndefined(() => body.sku),
    identity: readOrUndefined(() => body.identity),
    tags: readOrUndefined(() => body.tags),
    scope: text(r.scope),
  };
  return withProperties(resource, () => body.properties ?? {});
}

/**
 * `target` with its `properties` as `read` gives them: a value when they
 * are known; a getter that stops its reader undecided when they are not.
 * Not a getter on every object: a getter made per object gives each its
 * own hidden class, which V8 keeps, and with it the cluster's copy, until a
 * full collection (a tenant's audit then peaked some 25 MB higher).
 */
function withProperties<T extends object, P>(target: T, read: () => P): T & { readonly properties: P } {
  try {
    return Object.assign(target, { properties: read() });
  } catch (e) {
    if (!(e instanceof Undecided)) throw e;
    return Object.defineProperty(target, 'properties', { enumerable: true, configurable: true, get: read }) as T & { readonly properties: P };
  }
}

/** A name as the REST API writes it (`az` writes some in other casing), found once per name: a tenant's clusters use the same names. */
const restName = answersByText((key): string => {
  const lower = lowerCaseName(key);
  // Own names only: a member named `constructor` keeps its name.
  return Object.hasOwn(REST_NAMES_BY_LOWERCASE, lower) ? REST_NAMES_BY_LOWERCASE[lower] : key;
});

function readOrUndefined<T>(read: () => T): T | undefined {
  return orUndecided(read, () => undefined);
}

/**
 * A described resource as Azure Policy evaluates it: its body as read (not a
 * copy; the evaluator takes `null` as not set and an unknown value as
 * undecided), with its id, name, type and scope beside it.
 */
function policyResource(r: DescribedResource): Record<string, unknown> {
  return { ...r.body, id: r.id, name: r.name, type: r.type, scope: r.scope };
}
