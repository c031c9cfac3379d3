import { counted } from '../reports/counted';
import { SARIF_LEVEL, sarifLog } from '../reports/sarif-log';
import { FrameworkClause, frameworkClausesOf } from '../compliance/framework-clauses';
import { frameworkClausesLine } from '../compliance/framework-clauses-text';
import { FLOW_LABELS, MECHANISM_NAMES, STATUS_MARK } from '../encryption/encryption-coverage';
import { Rule } from '../validation/rule';
import { describeValue, formatViolation, Violation } from '../validation/violation';
import { NotExamined } from '../description/described-resource';
import { isDocumentLocation } from '../description/fact';
import { EvaluationDate } from '../versions/evaluation-date';
import { ClusterAudit } from './audit-cluster';
import { ReachabilityStatement } from '../reachability/api-server-reachability';

/**
 * One run of the audit: every cluster read, and every input that could not be.
 * @category Audit
 */
export interface AuditRun {
  readonly audits: readonly ClusterAudit[];
  /** Unusable input: files that are not JSON, or hold no managed cluster. */
  readonly problems: readonly string[];
  /** What the readers saw but did not examine (a linked template, a copy loop of unknown count, an unmapped cluster): never passed. */
  readonly notExamined?: readonly NotExamined[];
  /**
   * The day the support windows were judged on (`YYYY-MM-DD`, UTC), recorded in every report.
   * @default - the date of the first audit
   */
  readonly evaluationDate?: EvaluationDate;
}

/** The evaluation date a run's reports record. */
function evaluationDateOf(run: AuditRun): EvaluationDate | undefined {
  return run.evaluationDate ?? run.audits[0]?.evaluationDate;
}

/**
 * What fails the run besides unusable input: broken error rules, or warnings too.
 * @category Audit
 */
export type FailOn = 'error' | 'warning';

/**
 * The exit code: 2 unusable input, 1 a broken rule at or above `failOn` (or,
 * with `failOnUndecided`, such a rule undecided, or something not examined), 0 clean.
 * @category Audit
 */
export function auditExitCode(
  run: Pick<AuditRun, 'problems' | 'notExamined'> & { readonly audits: readonly { readonly violations: readonly { readonly rule: Rule }[]; readonly undecided: readonly { readonly rule: Rule }[] }[] },
  failOn: FailOn = 'error',
  failOnUndecided = false,
): 0 | 1 | 2 {
  if (run.problems.length > 0) return 2;
  const counts = (rule: Rule) => rule.severity === 'error' || (failOn === 'warning' && rule.severity === 'warning');
  if (run.audits.some((a) => a.violations.some((v) => counts(v.rule)))) return 1;
  if (failOnUndecided && (run.audits.some((a) => a.undecided.some((u) => counts(u.rule))) || (run.notExamined ?? []).length > 0)) return 1;
  return 0;
}

/**
 * Options of {@link renderAuditText}.
 * @category Audit
 */
export interface TextReportOptions {
  /**
   * How a finding's severity is written before it (the CLI colours it on a terminal).
   * @default - the severity itself: `error`, `warning` or `info`
   */
  readonly severityLabel?: (severity: Rule['severity']) => string;
}

/**
 * The report for a terminal or a pipeline log: every finding labelled with its severity, and counted.
 * @category Audit
 */
export function renderAuditText(run: AuditRun, options: TextReportOptions = {}): string {
  return [...auditTextChunks(auditTextHead(run), run.audits.map((a) => auditTextSection(a, options)), auditTextTail(run))].join('');
}

/**
 * The text report in the order it is written: the head, each cluster's
 * section as it comes (so a tenant's report can be written cluster by cluster,
 * none of them kept), the tail, and the final newline; no blank line first.
 * @internal
 */
export function* auditTextChunks(head: string, sections: Iterable<string>, tail: string): Generator<string> {
  // Each section and the tail start with the newline that separates them from what precedes them.
  let started = head !== '';
  if (started) yield head;
  for (const part of [sections, [tail]]) {
    for (const chunk of part) {
      const text = started ? chunk : chunk.slice(1).replace(/^\n/, '');
      if (text === '') continue;
      started = true;
      yield text;
    }
  }
  yield '\n';
}

/**
 * The text report's lines before the clusters: the evaluation date and the unusable input.
 * Head, sections and tail joined, without a leading blank line and with a final newline, are {@link renderAuditText}.
 * @internal
 */
export function auditTextHead(run: Pick<AuditRun, 'audits' | 'problems' | 'evaluationDate'>): string {
  const lines: string[] = [];
  const date = evaluationDateOf(run as AuditRun);
  if (date !== undefined) lines.push(`Support windows evaluated on ${date} (UTC).`);
  for (const p of run.problems) lines.push(`unusable input: ${p}`);
  return lines.join('\n');
}

/**
 * One cluster's part of the text report, starting with a blank line: the
 * report can be written cluster by cluster, as each is audited.
 * @internal
 */
export function auditTextSection(a: ClusterAudit, options: TextReportOptions = {}): string {
  const label = options.severityLabel ?? ((s: Rule['severity']) => s);
  const count = (s: Rule['severity']) => a.violations.filter((v) => v.rule.severity === s).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  // Appended line by line rather than joined from an array of lines: the same text, at about half the cost
  // in a tenant's report of 20 KB a cluster (a joined array copies every line once more).
  let text = `\n\n# ${a.cluster.cluster.name} (${a.cluster.source}, read as ${a.cluster.form})`;
  text += `\n${counted(errors + warnings + infos, 'finding')}: ${counted(errors, 'error')}, ${counted(warnings, 'warning')}, ${infos} info`;
  for (const v of a.violations) text += `\n${label(v.rule.severity)} ${formatViolation(v)}${clausesLine(v.rule.id, '\n    frameworks: ')}`;
  if (a.undecided.length > 0) {
    text += `\n\nUndecided: ${counted(a.undecided.length, 'rule')} (a value they need is not known offline, or a resource they need was not read):`;
    for (const u of a.undecided) text += `\n  undecided ${label(u.rule.severity)} [${u.rule.id}] ${u.reason}`;
  }
  const mechanism = a.transitEncryption.kind === 'not-verified' ? 'not verified' : a.transitEncryption.kind === 'none' ? 'none' : MECHANISM_NAMES[a.transitEncryption.kind];
  text += `\n\nTransit encryption: ${mechanism} (${a.transitEncryption.reason}).`;
  for (const f of a.coverage) text += `\n  ${FLOW_LABELS[f.flow]}: ${STATUS_MARK[f.status]}: ${f.by}${f.caveat ? ` (${f.caveat})` : ''}`;
  text += `\nPublic egress path: ${a.egress.publicEgress === 'unverified' ? 'not verified offline' : a.egress.publicEgress}: ${a.egress.description}.`;
  text += `\n${reachabilityText(a.reachability)}`;
  text += '\n\nSecurity baseline:';
  for (const c of a.baseline) text += `\n  ${c.status.padEnd(12)} ${c.id}: ${c.title}${clausesLine(c.id, ' | frameworks: ')}`;
  text += '\n\nAzure Policy built-in definitions:';
  for (const p of a.policies) text += `\n  ${p.state.padEnd(13)} ${p.result.definition.displayName} (${p.result.definition.name}, ${p.result.effect})`;
  return text;
}

/**
 * The text report's lines after the clusters: what was not examined.
 * @internal
 */
export function auditTextTail(run: Pick<AuditRun, 'notExamined'>): string {
  if ((run.notExamined ?? []).length === 0) return '';
  const lines = ['', 'Not examined (never counted as passing):'];
  for (const n of run.notExamined!) lines.push(`  ${n.at.document}#${n.at.pointer}: ${n.what}: ${n.reason}`);
  return `\n${lines.join('\n')}`;
}

/** The framework clauses of a rule or control after `prefix`, or nothing when it is unmapped. */
function clausesLine(controlId: string, prefix: string): string {
  return frameworkClausesOf(controlId).length === 0 ? '' : `${prefix}${frameworkClausesLine(controlId)}`;
}

/** Every rule and baseline control the report names, with its framework clauses ([] when unmapped), by id. */
function frameworksOf(run: AuditRun): Record<string, readonly FrameworkClause[]> {
  const ids = new Set(run.audits.flatMap((a) => [...a.violations.map((v) => v.rule.id), ...a.undecided.map((u) => u.rule.id), ...a.baseline.map((c) => c.id)]));
  return Object.fromEntries([...ids].sort().map((id) => [id, frameworkClausesOf(id)]));
}

/**
 * The report as JSON: stable keys, for other tools.
 * @category Audit
 */
export function renderAuditJson(run: AuditRun): string {
  const violation = (v: Violation) => ({
    ruleId: v.rule.id,
    severity: v.rule.severity,
    property: v.property,
    value: v.value === undefined ? null : v.value,
    rule: v.rule.statement,
    fix: v.fix,
    ...(v.detail ? { detail: v.detail } : {}),
    sources: v.rule.sources,
  });
  return `${JSON.stringify(
    {
      evaluationDate: evaluationDateOf(run) ?? null,
      problems: run.problems,
      notExamined: (run.notExamined ?? []).map((n) => ({ document: n.at.document, pointer: n.at.pointer, what: n.what, reason: n.reason })),
      clusters: run.audits.map((a) => ({
        name: a.cluster.cluster.name,
        id: a.cluster.cluster.id ?? null,
        source: a.cluster.source,
        form: a.cluster.form,
        violations: a.violations.map(violation),
        undecided: a.undecided.map((u) => ({ ruleId: u.rule.id, severity: u.rule.severity, reason: u.reason })),
        verdicts: Object.fromEntries(a.outcomes.map((o) => [o.rule.id, o.verdict])),
        transitEncryption: a.transitEncryption,
        encryptionCoverage: a.coverage.map((f) => ({ flow: f.flow, status: f.status, by: f.by, ...(f.caveat ? { caveat: f.caveat } : {}), sources: f.sources })),
        egress: { publicEgress: a.egress.publicEgress, description: a.egress.description },
        securityBaseline: a.baseline,
        azurePolicy: a.policies.map((p) => ({ name: p.result.definition.name, displayName: p.result.definition.displayName, effect: p.result.effect, state: p.state })),
        apiServerReachability: reachabilityJson(a.reachability),
      })),
      frameworks: frameworksOf(run),
    },
    null,
    2,
  )}\n`;
}

const FROM_INTERNET_WORDS: Readonly<Record<string, string>> = { true: 'from the internet', false: 'not from the internet', undecided: 'undecided' };

/** The reachability of the API server for the text report, after a blank line: the verdict's summary, then each path and what is undecided. */
function reachabilityText(r: ReachabilityStatement): string {
  let text = `\nAPI server reachability: ${r.verdict}. ${r.summary}`;
  for (const p of r.paths) text += `\n  ${p.kind} (${FROM_INTERNET_WORDS[String(p.fromInternet)]}): ${p.from}`;
  for (const u of r.undecided) text += `\n  undecided: ${u.reason}`;
  for (const command of new Set(r.paths.map((p) => p.recheck))) text += `\n  re-check: ${command}`;
  return text;
}

/** The reachability of the API server for the JSON report: stable keys, every path with its provenance. */
function reachabilityJson(r: ReachabilityStatement): Record<string, unknown> {
  return {
    verdict: r.verdict,
    summary: r.summary,
    paths: r.paths.map((p) => ({ kind: p.kind, from: p.from, fromInternet: p.fromInternet, statement: p.statement, provenance: p.provenance, recheck: p.recheck, source: p.source })),
    undecided: r.undecided.map((u) => ({ reason: u.reason, ...(u.at ? { at: u.at } : {}) })),
  };
}


/**
 * Options of {@link renderAuditSarif}.
 * @category Audit
 */
export interface SarifOptions {
  /** The tool's version, recorded in the log. */
  readonly toolVersion: string;
  /**
   * The 1-based line of a cluster's property in the file it was read from
   * (`source` is `file#pointer`), when known: the result's region.
   * @default - no region: the result is on the file
   */
  readonly lineOf?: (source: string, property: string) => number | undefined;
  /**
   * The artifact location of a file a cluster was read from, a valid URI
   * (relative ones with their `uriBaseId`).
   * @default - the file's path, percent-encoded, as a relative reference
   */
  readonly artifactUri?: (file: string) => { readonly uri: string; readonly uriBaseId?: string };
  /** The run's `originalUriBaseIds`: what each `uriBaseId` stands for, an absolute URI ending with `/`. */
  readonly originalUriBaseIds?: Readonly<Record<string, { readonly uri: string }>>;
}

/**
 * The report as a SARIF 2.1.0 log, for GitHub code scanning and Azure DevOps:
 * one result per broken rule, located in the file it was read from and at the
 * resource and property (as a logical location).
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * @see https://docs.github.com/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 * @category Audit
 */
export function renderAuditSarif(run: AuditRun, options: SarifOptions): string {
  const rules: Rule[] = [];
  const index = new Map<string, number>();
  for (const v of run.audits.flatMap((a) => [...a.violations, ...a.undecided])) {
    if (!index.has(v.rule.id)) {
      index.set(v.rule.id, rules.length);
      rules.push(v.rule);
    }
  }
  const results = run.audits.flatMap((a) =>
    a.violations.map((v) => {
      const [file, pointer] = a.cluster.source.split('#');
      const resource = a.cluster.cluster.id ?? a.cluster.cluster.name;
      const at = v.at !== undefined && isDocumentLocation(v.at) ? v.at : undefined;
      const startLine = at ? options.lineOf?.(`${at.document}#${at.pointer}`, '') : options.lineOf?.(a.cluster.source, v.property);
      return {
        ruleId: v.rule.id,
        ruleIndex: index.get(v.rule.id)!,
        level: SARIF_LEVEL[v.rule.severity],
        message: { text: `${a.cluster.cluster.name}: ${v.property} = ${describeValue(v.value)}. ${v.fix}.${v.detail ? ` ${v.detail}.` : ''}` },
        locations: [
          {
            physicalLocation: { artifactLocation: options.artifactUri?.(file) ?? { uri: toUri(file) }, ...(startLine ? { region: { startLine } } : {}) },
            logicalLocations: [{ fullyQualifiedName: `${resource}${pointer ? `#${pointer}` : ''}/${v.property}`, kind: 'resource' }],
          },
        ],
        partialFingerprints: { 'secureAksFinding/v1': `${v.rule.id}:${resource.toLowerCase()}:${v.property}` },
      };
    }),
  );
  // An undecided rule is a result of kind "open": the tool lacks what it needs to say pass or fail (SARIF 2.1.0, 3.27.9).
  const undecided = run.audits.flatMap((a) =>
    a.undecided.map((u) => {
      const [file, pointer] = a.cluster.source.split('#');
      const resource = a.cluster.cluster.id ?? a.cluster.cluster.name;
      const startLine = options.lineOf?.(a.cluster.source, '');
      return {
        ruleId: u.rule.id,
        ruleIndex: index.get(u.rule.id)!,
        kind: 'open',
        level: 'none',
        message: { text: `${a.cluster.cluster.name}: undecided: ${u.reason}.` },
        locations: [
          {
            physicalLocation: { artifactLocation: options.artifactUri?.(file) ?? { uri: toUri(file) }, ...(startLine ? { region: { startLine } } : {}) },
            logicalLocations: [{ fullyQualifiedName: `${resource}${pointer ? `#${pointer}` : ''}`, kind: 'resource' }],
          },
        ],
        partialFingerprints: { 'secureAksFinding/v1': `${u.rule.id}:${resource.toLowerCase()}:undecided` },
      };
    }),
  );
  results.push(...(undecided as unknown as typeof results));
  return sarifLog({ toolVersion: options.toolVersion, rules, results, problems: run.problems, evaluationDate: evaluationDateOf(run), originalUriBaseIds: options.originalUriBaseIds });
}

/** A file path as a relative URI reference (SARIF's artifactLocation.uri). */
function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
