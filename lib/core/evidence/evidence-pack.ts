import { BaselineStatus } from '../aks/security-baseline';
import { FrameworkClause } from '../compliance/framework-clauses';
import { CoverageStatus, TrafficFlow } from '../encryption/encryption-coverage';
import { Verdict } from '../rules/rule-outcome';
import { RuleSeverity } from '../validation/rule';

/**
 * What a finding is about: one cluster, one cross-cluster link, or the estate as a whole.
 * @category Evidence
 */
export type EvidenceSubjectKind = 'cluster' | 'link' | 'estate';

/**
 * One subject of the evidence pack.
 * @category Evidence
 */
export interface EvidenceSubject {
  /** Stable key within the pack, e.g. `cluster:payments-client`. */
  readonly key: string;
  readonly kind: EvidenceSubjectKind;
  readonly name: string;
  /** Where it was read or defined: a file (`cluster.json#/resources/0`) or the definition. */
  readonly source: string;
  /** The Azure resource id, where the input gives it. */
  readonly resourceId?: string;
}

/**
 * Where a fact was read: a document and RFC 6901 pointer (and line, where known), or a definition's property.
 * @category Evidence
 */
export interface EvidenceLocation {
  readonly document?: string;
  readonly pointer?: string;
  /** 1-based line in `document`, when the file was read as text. */
  readonly line?: number;
  /** The definition's property that sets the value (a synthesized deployment). */
  readonly definition?: string;
}

/**
 * One fact a verdict rests on, as read, with the command that re-reads it on the live system.
 * @category Evidence
 */
export interface ObservedFact {
  /** The REST path of the value in its resource, e.g. `properties.apiServerAccessProfile.enablePrivateCluster`. */
  readonly path: string;
  readonly state: 'known' | 'unknown' | 'absent';
  /** The value as read (known facts), in JSON. */
  readonly value?: string;
  /** Why it is not known (unknown facts). */
  readonly reason?: string;
  readonly at: EvidenceLocation;
  /**
   * The `az` or `kubectl` command that prints the value on the live system.
   * @default - none: a value of a definition that names nothing on the live system (a subscription id, a network outside Azure)
   */
  readonly recheck?: string;
}

/**
 * One verdict: a rule of the catalog, or a control of the security baseline, on one subject.
 * @category Evidence
 */
export interface EvidenceFinding {
  /** Stable key within the pack: `<rule or control id>@<subject key>`. */
  readonly key: string;
  readonly kind: 'rule' | 'baseline';
  /** The rule id (`SAKS-API-001`) or the baseline control id. */
  readonly controlId: string;
  /** What the rule or control requires. */
  readonly statement: string;
  readonly severity?: RuleSeverity;
  readonly subject: string;
  readonly verdict: Verdict;
  /** The baseline's own status where it says more than the verdict (`partial`, `opt-out`, `not-verified`). */
  readonly status?: BaselineStatus;
  /** Why: what is broken, what is not known, or the opt-out's reason. */
  readonly details: readonly string[];
  readonly observed: readonly ObservedFact[];
  /** The framework clauses the rule or control supports, with their basis. */
  readonly clauses: readonly FrameworkClause[];
  /** The documents the rule comes from. */
  readonly sources: readonly string[];
}

/**
 * A warning accepted on purpose, with its reason.
 * @category Evidence
 */
export interface EvidenceAcknowledgement {
  readonly subject: string;
  readonly ruleId: string;
  readonly property: string;
  readonly statement: string;
  readonly reason: string;
}

/**
 * One row of the encryption coverage matrix.
 * @category Evidence
 */
export interface EvidenceCoverage {
  readonly subject: string;
  readonly flow: TrafficFlow;
  readonly status: CoverageStatus;
  readonly by: string;
  readonly caveat?: string;
  readonly sources: readonly string[];
  /** The command that prints, on the live system, the setting the row follows from. */
  readonly recheck: string;
}

/**
 * One way to reach an API server, as the reachability statement gives it.
 * @category Evidence
 */
export interface EvidencePath {
  readonly kind: string;
  readonly from: string;
  readonly fromInternet: boolean | 'undecided';
  readonly statement: string;
  /** The command that re-checks the path on the live system. */
  readonly recheck: string;
  readonly source?: string;
}

/**
 * Whether an API server can be reached from the internet, and by which paths.
 * @category Evidence
 */
export interface EvidenceReachability {
  readonly subject: string;
  readonly verdict: 'no-path-from-internet' | 'reachable-from-internet' | 'undecided';
  readonly summary: string;
  readonly paths: readonly EvidencePath[];
  readonly undecided: readonly string[];
}

/**
 * One encrypted segment of a cross-cluster link, drawn in the report.
 * @category Evidence
 */
export interface EvidenceSegment {
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  readonly ca: string;
  readonly caveat?: string;
}

/**
 * A cross-cluster link and its segments per service.
 * @category Evidence
 */
export interface EvidenceLink {
  readonly subject: string;
  readonly client: string;
  readonly server: string;
  readonly services: ReadonlyArray<{ readonly name: string; readonly segments: readonly EvidenceSegment[] }>;
  /** The command, run in each of the two clusters, that prints the objects the link becomes there. */
  readonly recheck: string;
}

/**
 * Everything an auditor is given about one deployment (a cluster, a platform,
 * an estate, or the clusters of an audited input), rendered as OSCAL
 * assessment results and as one HTML report. Deterministic: the same input
 * and evaluation date give the same pack.
 * @category Evidence
 */
export interface EvidencePack {
  readonly title: string;
  /** The moment the verdicts hold for (an input, never the wall clock), ISO 8601 with time zone. */
  readonly evaluatedAt: string;
  readonly toolVersion: string;
  /** How the verdicts were reached: `synth` of a definition, or `audit` of documents. */
  readonly origin: 'synth' | 'audit';
  readonly subjects: readonly EvidenceSubject[];
  readonly findings: readonly EvidenceFinding[];
  readonly acknowledgements: readonly EvidenceAcknowledgement[];
  readonly coverage: readonly EvidenceCoverage[];
  readonly reachability: readonly EvidenceReachability[];
  readonly links: readonly EvidenceLink[];
  /** What the readers saw but did not examine: never counted as passing. */
  readonly notExamined: readonly string[];
}
