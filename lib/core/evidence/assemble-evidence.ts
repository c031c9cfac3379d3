import { evaluationDateViolation } from '../versions/evaluation-date';
import { frameworkClausesOf } from '../compliance/framework-clauses';
import { CrossClusterLink } from '../mesh/cross-cluster-link';
import { crossClusterSegments } from '../mesh/cross-cluster-encryption';
import { LINK_LABEL } from '../mesh/cross-cluster-link';
import { kubectlResource } from '../kubernetes/kubectl-resource';
import { EstateProps } from '../estate/estate-props';
import { estateViolationRecheck } from '../estate/estate-recheck';
import { recheckCommand } from '../reports/recheck-command';
import { Rule } from '../validation/rule';
import { SecureAksValidationError } from '../validation/validation-error';
import { Violation } from '../validation/violation';
import { ClausesOf, ClusterEvidence } from './cluster-evidence';
import { definitionFindings } from './definition-evidence';
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
 * What the validation of an estate's definition found.
 * @category Evidence
 */
export interface EstateEvidenceInput {
  readonly name: string;
  /** Its warnings (a built estate has no error). */
  readonly warnings: readonly Violation[];
  /**
   * Every rule its validation checked.
   * @default - none: only the rules of the warnings are listed
   */
  readonly evaluated?: readonly Rule[];
  /**
   * The estate's definition (as checked): each warning's fact is given with the command that
   * re-reads, on the live system, the resource its property becomes.
   * @default - the facts are given without a recheck
   */
  readonly definition?: EstateProps;
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
   * The estate's name, its own warnings (what spans clusters) and the rules its validation checked, when the deployment is an estate.
   * @default - not an estate
   */
  readonly estate?: EstateEvidenceInput;
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
    const definition = input.estate.definition;
    const linkRechecks = new Map((input.links ?? []).map((l) => [l.link.name, linkRecheck(l.link)]));
    const recheck = definition ? (v: Violation) => estateViolationRecheck(definition, v, (name) => linkRechecks.get(name)) : undefined;
    findings.push(...definitionFindings({ evaluated: input.estate.evaluated ?? [], violations: input.estate.warnings, recheck }, key, clausesOf));
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
    const recheck = linkRecheck(l.link);
    findings.push(...definitionFindings({ evaluated: l.link.evaluated, violations: [...l.link.warnings, ...l.link.acknowledged.map((a) => a.violation)], recheck }, key, clausesOf));
    acknowledgements.push(...l.link.acknowledged.map((a) => ({ subject: key, ruleId: a.violation.rule.id, property: a.violation.property, statement: a.violation.rule.statement, reason: a.acknowledgement.reason })));
    links.push({ subject: key, client: l.client, server: l.server, services: Object.entries(crossClusterSegments(l.link)).map(([name, segments]) => ({ name, segments })), recheck });
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

/** The objects a link becomes in its two clusters, found by the label the library gives each. */
function linkRecheck(link: CrossClusterLink): string {
  const labelled = [...link.clientObjects(), ...link.serverObjects()].filter((o) => o.metadata?.labels?.[LINK_LABEL] === link.name);
  const resources = [...new Set(labelled.map((o) => kubectlResource(o.apiVersion, o.kind)))].sort();
  return recheckCommand({ kind: 'kubernetes-selection', resources, label: [LINK_LABEL, link.name] });
}
