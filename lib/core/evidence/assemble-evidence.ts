import { evaluationDateViolation } from '../versions/evaluation-date';
import { frameworkClausesOf } from '../compliance/framework-clauses';
import { CrossClusterLink } from '../mesh/cross-cluster-link';
import { crossClusterSegments } from '../mesh/cross-cluster-encryption';
import { SecureAksValidationError } from '../validation/validation-error';
import { Violation, describeValue } from '../validation/violation';
import { ClausesOf, ClusterEvidence } from './cluster-evidence';
import { EvidenceFinding, EvidenceLink, EvidencePack, EvidenceSubject } from './evidence-pack';

/**
 * A cross-cluster link of the deployment.
 * @category Evidence
 */
export interface LinkEvidenceInput {
  readonly link: CrossClusterLink;
  readonly client: string;
  readonly server: string;
}

/**
 * What an evidence pack is assembled from.
 * @internal
 */
export interface EvidenceInput {
  readonly title: string;
  /** The moment the verdicts hold for, ISO 8601 with time zone (an input: never the wall clock). */
  readonly evaluatedAt: string;
  readonly toolVersion: string;
  readonly origin: 'synth' | 'audit';
  readonly clusters: readonly ClusterEvidence[];
  /**
   * The deployment's cross-cluster links.
   * @default - none
   */
  readonly links?: readonly LinkEvidenceInput[];
  /**
   * The estate's name and its own warnings (what spans clusters), when the deployment is an estate.
   * @default - not an estate
   */
  readonly estate?: { readonly name: string; readonly warnings: readonly Violation[] };
  /** The framework clauses of a rule (the links' and the estate's). @default frameworkClausesOf */
  readonly clausesOf?: ClausesOf;
  /** What the readers saw but did not examine. @default - none */
  readonly notExamined?: readonly string[];
}

/**
 * The evidence's timestamp: midnight UTC of the evaluation date, checked by
 * the one rule of evaluation dates (SAKS-VER-003).
 * @internal
 */
export function evaluationMoment(value: string): string {
  const problem = evaluationDateViolation(value, 'evaluationDate');
  if (problem) throw new SecureAksValidationError('the evidence', [problem]);
  return `${value}T00:00:00Z`;
}

/**
 * The evidence pack of a deployment: its clusters, its links (each with the
 * warnings its validation found and the acknowledged ones with their reasons),
 * and the estate's own warnings. Subjects and findings keep the deployment's
 * order, so the same input gives the same pack.
 * @internal
 */
export function assembleEvidence(input: EvidenceInput): EvidencePack {
  const clausesOf = input.clausesOf ?? frameworkClausesOf;
  const subjects: EvidenceSubject[] = [];
  const findings: EvidenceFinding[] = [];
  if (input.estate) {
    const key = `estate:${input.estate.name}`;
    subjects.push({ key, kind: 'estate', name: input.estate.name, source: 'definition' });
    findings.push(...warningFindings(input.estate.warnings, key, clausesOf));
  }
  for (const c of input.clusters) {
    subjects.push(c.subject);
    findings.push(...c.findings);
  }
  const links: EvidenceLink[] = [];
  const acknowledgements = input.clusters.flatMap((c) => c.acknowledgements);
  for (const l of input.links ?? []) {
    const key = `link:${l.link.name}`;
    subjects.push({ key, kind: 'link', name: l.link.name, source: 'definition' });
    findings.push(...warningFindings([...l.link.warnings, ...l.link.acknowledged.map((a) => a.violation)], key, clausesOf));
    acknowledgements.push(...l.link.acknowledged.map((a) => ({ subject: key, ruleId: a.violation.rule.id, property: a.violation.property, statement: a.violation.rule.statement, reason: a.acknowledgement.reason })));
    links.push({ subject: key, client: l.client, server: l.server, services: Object.entries(crossClusterSegments(l.link)).map(([name, segments]) => ({ name, segments })) });
  }
  return {
    title: input.title,
    evaluatedAt: evaluationMoment(input.evaluatedAt),
    toolVersion: input.toolVersion,
    origin: input.origin,
    subjects,
    findings,
    acknowledgements,
    coverage: input.clusters.flatMap((c) => c.coverage),
    reachability: input.clusters.map((c) => c.reachability),
    links,
    notExamined: input.notExamined ?? [],
  };
}

/** A definition's warnings on a link or an estate, acknowledged or not: rules it breaks (those it keeps are not listed one by one). */
function warningFindings(warnings: readonly Violation[], subject: string, clausesOf: ClausesOf): EvidenceFinding[] {
  const byRule = new Map<string, Violation[]>();
  for (const w of warnings) byRule.set(w.rule.id, [...(byRule.get(w.rule.id) ?? []), w]);
  return [...byRule.values()].map((vs) => ({
    key: `${vs[0].rule.id}@${subject}`,
    kind: 'rule',
    controlId: vs[0].rule.id,
    statement: vs[0].rule.statement,
    severity: vs[0].rule.severity,
    subject,
    verdict: 'fail',
    details: vs.map((v) => `${v.property} = ${describeValue(v.value)}: ${v.fix}${v.detail ? ` (${v.detail})` : ''}`),
    observed: [],
    clauses: clausesOf(vs[0].rule.id),
    sources: vs[0].rule.sources,
  }));
}
