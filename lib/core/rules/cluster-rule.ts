import { ClusterDescription, DescribedPool } from '../description/cluster-description';
import { DescribedValue } from '../description/described-value';
import { Fact, isDocumentLocation, Provenance } from '../description/fact';
import { UnknownValue } from '../description/unknown-value';
import { Rule } from '../validation/rule';
import { EvaluationDate, todayInUtc } from '../versions/evaluation-date';
import { ResourceCondition } from './resource-condition';
import { Violation } from '../validation/violation';
import { UndecidedReason } from './rule-outcome';
import { Undecided } from './undecided';

/** What to change, in the words of the reader: a definition's factories, or the ARM payload. */
export type Fix = string | { readonly definition: string; readonly payload: string };

/** Which resources a rule reads: the cluster alone, or the resources deployed beside it too. */
export type RuleScope = 'cluster' | 'deployment';

/**
 * A rule of the catalog decided on a cluster's description: its one and only
 * implementation, run for definitions, synth, the policy pack and the audit.
 */
export interface ClusterRule {
  readonly rule: Rule;
  readonly scope: RuleScope;
  /** Reads the description through the context; reports with `fail`, and stops undecided on an unknown value. */
  readonly check: (c: ClusterRuleContext) => void;
  /**
   * The condition on the cluster resource under which the rule is broken,
   * for a rule Azure Policy can express: `check` decides exactly this
   * condition, and the rule's Azure Policy definition is compiled from it.
   */
  readonly condition?: ResourceCondition;
  /**
   * For a rule of each node pool: the condition on one pool (paths relative
   * to its profile) under which that pool breaks the rule. `condition` is
   * "some pool meets it"; the definition judges a pool created as an
   * `agentPools` resource by this condition too.
   */
  readonly poolCondition?: ResourceCondition;
  /**
   * For a rule that requires a resource on the cluster (a diagnostic setting,
   * a lock): the rule is broken where no resource of `type` on the cluster
   * meets `meets` (paths from the resource's body). Its definition is Azure
   * Policy's AuditIfNotExists on the cluster.
   */
  readonly requiredResource?: RequiredResource;
  /**
   * Whether the rule reads the node pools. Such a rule runs too on pools
   * whose cluster is not among the resources read (an `agentPools` resource,
   * or a Pulumi `AgentPool`, added to an existing cluster), where what it
   * needs of the cluster is undecided; the other rules do not run there.
   * @default false
   */
  readonly judgesPools?: boolean;
}

/**
 * A resource that must be on the cluster, and the condition it must meet.
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/effect-audit-if-not-exists
 */
export interface RequiredResource {
  /** Its ARM type, e.g. `Microsoft.Insights/diagnosticSettings`. */
  readonly type: string;
  /** The condition on its body (`properties.level`, ...) one such resource must meet. */
  readonly meets: ResourceCondition;
}

/** Declares the implementation of `rule`. */
export function clusterRule(rule: Rule, scope: RuleScope, check: (c: ClusterRuleContext) => void): ClusterRule {
  return { rule, scope, check };
}

/** Declares the implementation of `rule`, which reads the node pools (see {@link ClusterRule.judgesPools}). */
export function poolRule(rule: Rule, scope: RuleScope, check: (c: ClusterRuleContext) => void): ClusterRule {
  return { rule, scope, check, judgesPools: true };
}

/** Where a finding is, and the value found there. */
type Subject = Fact | DescribedValue;

/**
 * What a rule sees of a cluster, and how it answers. Reading an unknown
 * value stops the rule undecided; `each` keeps one item's unknown from
 * hiding another item's failure.
 */
export class ClusterRuleContext {
  public readonly findings: Violation[] = [];
  public readonly undecided: UndecidedReason[] = [];
  /** Every fact the rule read, in reading order: what an evidence report shows it decided on. */
  public readonly observed: Fact[] = [];

  constructor(
    public readonly cluster: ClusterDescription,
    public readonly rule: Rule,
    /** The day the support windows are judged on (`YYYY-MM-DD`, UTC); by default today, read when a rule first asks. */
    private date?: EvaluationDate,
  ) {}

  /** The day the support windows are judged on (`YYYY-MM-DD`, UTC). */
  public get evaluationDate(): EvaluationDate {
    return (this.date ??= todayInUtc());
  }

  /** A fact of the cluster resource by REST path. */
  public fact(path: string): Fact {
    return this.cluster.fact(path);
  }

  /** A fact's value: `undefined` when absent; stops the rule when unknown. */
  public value(fact: Fact): unknown {
    this.observed.push(fact);
    if (fact.state === 'unknown') throw Undecided.of(fact);
    if (fact.state === 'absent') return undefined;
    if (containsUnknown(fact.value)) throw new Undecided(`part of ${fact.path} is not known`, fact.path, fact.at);
    return fact.value;
  }

  /**
   * A reference to a resource (an id): known, or unknown with a symbol that
   * still names the resource (a template's `resourceId(...)`); `undefined` when
   * absent; stops when it names nothing that can be found.
   */
  public reference(fact: Fact): unknown {
    if (fact.state === 'unknown') {
      const raw = this.cluster.rawAt(fact.path);
      if (raw instanceof UnknownValue && raw.symbol !== undefined) return raw;
      throw Undecided.of(fact);
    }
    return this.value(fact);
  }

  /** A boolean fact (`"true"`/`"false"` as ARM coerces them); `undefined` when absent. */
  public bool(fact: Fact): boolean | undefined {
    const v = this.value(fact);
    if (v === undefined || typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
    throw new Undecided(`${fact.path} is not true or false: ${JSON.stringify(v)}`, fact.path, fact.at);
  }

  /** A text fact; `undefined` when absent. */
  public text(fact: Fact): string | undefined {
    const v = this.value(fact);
    if (v === undefined || typeof v === 'string') return v;
    throw new Undecided(`${fact.path} is not text: ${JSON.stringify(v)}`, fact.path, fact.at);
  }

  /** A number fact; `undefined` when absent. */
  public number(fact: Fact): number | undefined {
    const v = this.value(fact);
    if (v === undefined || typeof v === 'number') return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
    throw new Undecided(`${fact.path} is not a number: ${JSON.stringify(v)}`, fact.path, fact.at);
  }

  /** The position at a REST path of the cluster; absent is `undefined`; stops when unknown. */
  public at(path: string, from: DescribedValue = this.cluster.root): DescribedValue | undefined {
    const found = from.walk(path);
    if (found instanceof DescribedValue) {
      const f = found.asFact();
      this.observed.push(f);
      if (f.state === 'unknown') throw Undecided.of(f);
      return f.state === 'absent' ? undefined : found;
    }
    this.observed.push(found);
    if (found.state === 'unknown') throw Undecided.of(found);
    return undefined;
  }

  /** The elements of a list at a REST path: `[]` when absent; stops when the list is unknown. */
  public list(path: string, from: DescribedValue = this.cluster.root): DescribedValue[] {
    const position = this.at(path, from);
    if (!position) return [];
    const elements = position.elements();
    if (!Array.isArray(elements)) {
      if (elements.state === 'unknown') throw Undecided.of(elements);
      return [];
    }
    return elements;
  }

  /** The member `name` of the object at a REST path, found without regard to case (add-on names, map keys). */
  public member(path: string, name: string, from: DescribedValue = this.cluster.root): DescribedValue | undefined {
    const position = this.at(path, from);
    if (!position) return undefined;
    const found = position.member(name);
    const fact = found instanceof DescribedValue ? found.asFact() : found;
    if (fact.state === 'unknown') throw Undecided.of(fact);
    return fact.state === 'known' && found instanceof DescribedValue ? found : undefined;
  }

  /** Every node pool; stops when they are not known. */
  public pools(): DescribedPool[] {
    const pools = this.cluster.pools;
    if (!Array.isArray(pools)) {
      if (pools.state === 'unknown') throw Undecided.of(pools);
      return [];
    }
    return pools;
  }

  /** Runs `check` on each item on its own: an unknown in one item leaves that item undecided and the others decided. */
  public each<T>(items: readonly T[], check: (item: T, index: number) => void): void {
    items.forEach((item, i) => this.guard(() => check(item, i)));
  }

  /** Runs `check`, recording an undecided part instead of stopping the whole rule. */
  public guard(check: () => void): void {
    try {
      check();
    } catch (e) {
      if (!(e instanceof Undecided)) throw e;
      this.undecided.push({ reason: e.reason, path: e.path, at: e.at, ...(e.notHeld ? { notHeld: true as const } : {}) });
    }
  }

  /**
   * Records that the rule cannot be decided for a reason other than an
   * unknown value; `notHeld` when the description does not hold what it needs
   * (a resource not read, a setting Azure chooses, a fact the tables lack).
   */
  public cannotDecide(reason: string, at?: Subject, notHeld = false): void {
    const fact = at instanceof DescribedValue ? at.asFact() : at;
    this.undecided.push({ reason, path: fact?.path, at: fact?.at, ...(notHeld ? { notHeld: true as const } : {}) });
  }

  /**
   * Records a broken rule at `at` (a fact or position of the description).
   * The value defaults to the one found there (`null` when absent).
   */
  public fail(at: Subject, fix: Fix, options: { readonly value?: unknown; readonly detail?: string; readonly path?: string } = {}): void {
    const fact = at instanceof DescribedValue ? at.asFact() : at;
    const provenance: Provenance = fact.at;
    const definition = this.cluster.origin === 'definition';
    const property = isDocumentLocation(provenance) ? options.path ?? fact.path : provenance.definition;
    const value = 'value' in options ? options.value : fact.state === 'known' ? fact.value : null;
    const words = typeof fix === 'string' ? fix : definition ? fix.definition : fix.payload;
    const note = isDocumentLocation(provenance) ? undefined : provenance.note;
    const detail = [options.detail, note].filter((x) => x !== undefined).join('; ') || undefined;
    this.findings.push({ rule: this.rule, property, value, fix: words, detail, at: provenance });
  }
}

function containsUnknown(value: unknown): boolean {
  if (value instanceof UnknownValue) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsUnknown);
  return false;
}
