import { Rule } from '../core/validation/rule';
import { SecureAksValidationError } from '../core/validation/validation-error';
import { evaluationDateViolation, todayInUtc } from '../core/versions/evaluation-date';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditCluster, ClusterAudit } from '../core/audit/audit-cluster';
import { descriptionForm } from '../core/audit/audited-resource';
import { AuditRun, auditExitCode, auditTextChunks, auditTextHead, auditTextSection, FailOn, renderAuditJson, renderAuditSarif, renderAuditText } from '../core/audit/audit-report';
import { AGENT_POOL_TYPE, ClusterDescription, describeDeployment, MANAGED_CLUSTER_TYPE } from '../core/description/cluster-description';
import { isArmType } from '../core/description/related-resources';
import { assembleEvidence } from '../core/evidence/assemble-evidence';
import { clusterEvidence } from '../core/evidence/cluster-evidence';
import { EvidencePack } from '../core/evidence/evidence-pack';
import { renderEvidenceHtml } from '../core/evidence/evidence-html';
import { renderOscalAssessmentResults } from '../core/evidence/oscal-assessment-results';
import { decodeDocument, parseJsonDocument } from '../core/readers/document-text';
import { readDocument } from '../core/readers/read-document';
import { driftExitCode, renderDriftJson, renderDriftSarif, renderDriftText } from '../core/drift/drift-report';
import { approvedClusters, compareWithApproved } from '../core/drift/drift-run';
import { KubernetesObjectAt } from '../core/drift/kubernetes-drift';
import { compareKubernetesList } from '../core/drift/kubernetes-list-drift';
import { readApprovedSynth } from './approved-synth';
import { artifactUri, SOURCE_ROOT, sourceRootUri, STDIN_NAME } from './artifact-uri';
import { CliIo, useColour } from './cli-io';
import { CliResult, CliUsageError } from './cli-result';
import { checkWritableFolder, describeFileSystemError, writeOutputFile, writeOutputFileInChunks } from './output-path';
import { parseCommandLine } from './parse-command-line';
import { Progress } from './progress';
import { PropertyLocations } from './property-locations';
import { severityLabel } from './severity-label';
import { writtenSummary } from './written-summary';

/** `secure-aks audit --help`. */
export const AUDIT_HELP = `Usage: secure-aks audit <file>... [options]

Audits managed clusters that exist or are about to, whoever built them, from
their JSON as Azure describes them:
  - a GET of the resource or \`az resource show\` (the REST shape);
  - \`az aks show -o json\` (properties at the top level);
  - an ARM template or \`az group export\` output (a whole deployment);
  - Microsoft's REST API example files.
Node pools declared as their own resources (managedClusters/agentPools)
whose cluster is not among the files are judged by the rules of node pools;
what they need of the cluster is undecided.
Files given together are one deployment: a subnet, virtual network, private
DNS zone, role assignment, diagnostic setting or lock in one file is read
with the clusters of the others. A file named - is standard input, named
${STDIN_NAME} in the report.

Prints the broken rules (each with its severity: error, warning or info),
the encryption coverage, the egress path, the security baseline and Azure
Policy's built-in definitions for AKS. The report goes to standard output;
unusable input and progress (on a terminal only) go to standard error.

Options:
  --format <f>           text (default), json or sarif (SARIF 2.1.0)
  -o, --output <file>    write the report to a file (its folders are created)
                         instead of standard output (-)
  --fail-on <level>      error (default) or warning: the lowest severity that
                         makes the exit code 1
  --fail-on-undecided    exit 1 too when such a rule is undecided (a value it
                         needs is not known offline) or something was not
                         examined (a linked template, an unmapped resource)
  --evaluation-date <YYYY-MM-DD>
                         the day the support windows are judged on, recorded in
                         the report (default: today in UTC)
  --approved <dir>       report drift instead: compare the live clusters in
                         the files (a GET, az aks show or list, a Resource
                         Graph export) with the approved templates
                         (*.template.json) secure-aks synth wrote in <dir>.
                         Each fact that differs is drift (SAKS-DRIFT-001),
                         with both values and the rules the live value
                         breaks; a live cluster no template describes is
                         unmanaged (SAKS-DRIFT-002, a warning); an approved
                         value not known offline is undecided. Files from
                         kubectl get ... -o json are compared with the
                         approved *.k8s.yaml (TLS modes, ports, hosts, mTLS,
                         WireGuard, new hostNetwork workloads)
  --evidence <dir>       also write the evidence for an auditor into <dir>
                         (its folders are created): assessment-results.oscal.json
                         (OSCAL 1.0.6) and report.html (self-contained)
  -h, --help             show this help

Colour: on a terminal only, never with NO_COLOR set (https://no-color.org).
Exit codes: 0 no broken rule, 1 broken rules, 2 unusable input, a usage
mistake or an internal error.`;

const FORMATS = ['text', 'json', 'sarif'] as const;

/** Runs `secure-aks audit` with its arguments (after the command name). */
export function auditCommand(argv: readonly string[], io: CliIo, toolVersion: string): CliResult {
  const { values, positionals } = parseCommandLine(argv, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    'fail-on-undecided': { type: 'boolean' },
    'evaluation-date': { type: 'string' },
    approved: { type: 'string' },
    evidence: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { code: 0, stdout: `${AUDIT_HELP}\n`, stderr: '' };
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliUsageError(`--format ${format}: use ${FORMATS.join(', ')}`);
  const failOn = values['fail-on'] ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning') throw new CliUsageError(`--fail-on ${failOn}: use error or warning`);
  const badDate = evaluationDateViolation(values['evaluation-date'], '--evaluation-date');
  if (badDate) return { code: 2, stdout: '', stderr: `${new SecureAksValidationError('secure-aks audit', [badDate]).message}\n` };
  const evaluationDate = values['evaluation-date'] ?? todayInUtc();
  if (positionals.length === 0) throw new CliUsageError('give at least one file to audit (- for standard input)');
  if (positionals.filter((p) => p === '-').length > 1) throw new CliUsageError('- (standard input) can be given once');
  const output = values.output === undefined || values.output === '-' ? undefined : path.resolve(io.cwd, values.output);
  if (output !== undefined) checkWritableFolder(path.dirname(output), values.output!);
  const evidence = values.evidence === undefined ? undefined : path.resolve(io.cwd, values.evidence);
  if (evidence !== undefined) checkWritableFolder(evidence, values.evidence!);

  if (values.approved !== undefined) return driftCommand(values.approved, positionals, io, toolVersion, { format, output, shown: values.output, failOn: failOn as FailOn, failOnUndecided: values['fail-on-undecided'] === true, evaluationDate });

  const progress = new Progress(io.progress);
  // Lines are found only for SARIF and the evidence: a text or JSON report keeps no copy of the files' text.
  const { readings, problems, locations, given } = readInputs(positionals, io, undefined, format === 'sarif' || evidence !== undefined);
  const deployment = describeDeployment(readings);
  for (const r of readings) {
    // Node pools added to a cluster that is not read are audited too, by the rules of node pools.
    const holdsCluster = r.resources.some((x) => isArmType(x.type, MANAGED_CLUSTER_TYPE) || isArmType(x.type, AGENT_POOL_TYPE));
    const name = r.resources[0]?.origin.document ?? r.notExamined[0]?.at.document ?? r.name;
    if (!holdsCluster && r.notExamined.length === 0) problems.push(`${name}: no managed cluster (Microsoft.ContainerService/managedClusters) or node pool (managedClusters/agentPools) in this document`);
  }
  const clusters = [...deployment.clusters, ...deployment.orphanPools];
  const readingOf = new Map(readings.flatMap((r) => r.resources.map((x) => [x, r] as const)));
  const audit = (cluster: ClusterDescription, i: number): ClusterAudit => {
    const read = cluster.clusterRead ? cluster.resource : cluster.poolResources[0];
    const reading = readingOf.get(read);
    const audited = auditCluster(cluster, descriptionForm(reading?.form ?? 'azure-json', read.origin.pointer), { evaluationDate });
    progress.count('audit', i + 1, clusters.length, 'clusters');
    return audited;
  };
  const stderr = problems.map((p) => `secure-aks: unusable input: ${p}\n`).join('');
  const failOnUndecided = values['fail-on-undecided'] === true;
  if (format === 'text' && output !== undefined && evidence === undefined) {
    // A text report to a file is written cluster by cluster: a tenant's audits are never all held at once.
    // What the exit code needs: whether some cluster breaks, or leaves undecided, a rule of a severity that
    // counts; so the rules broken and left undecided anywhere, each once, whatever the number of clusters.
    const broken = new Set<Rule>();
    const undecided = new Set<Rule>();
    const sections = function* () {
      for (const [i, cluster] of clusters.entries()) {
        const a = audit(cluster, i);
        for (const v of a.violations) broken.add(v.rule);
        for (const u of a.undecided) undecided.add(u.rule);
        yield auditTextSection(a);
      }
      progress.clear();
    };
    writeOutputFileInChunks(output, auditTextChunks(auditTextHead({ audits: [], problems: [], evaluationDate }), sections(), ''), values.output!);
    const verdicts = { violations: [...broken].map((rule) => ({ rule })), undecided: [...undecided].map((rule) => ({ rule })) };
    return { code: auditExitCode({ audits: [verdicts], problems, notExamined: deployment.notExamined }, failOn as FailOn, failOnUndecided), stdout: '', stderr };
  }
  const audits = clusters.map(audit);
  progress.clear();
  const run: AuditRun = { audits, problems, notExamined: deployment.notExamined, evaluationDate };

  let report: string;
  if (format === 'json') report = renderAuditJson(run);
  else if (format === 'sarif') {
    report = renderAuditSarif(run, {
      toolVersion,
      lineOf: (source, property) => locations.lineOf(source, property),
      artifactUri: (name) => artifactUri(given.get(name) ?? name, io.cwd),
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: sourceRootUri(io.cwd) } },
    });
  } else {
    // Unusable input goes to standard error only, the report stays the report.
    const colour = output === undefined && useColour(io);
    report = renderAuditText({ audits, problems: [], evaluationDate }, { severityLabel: (s) => severityLabel(s, colour) });
  }
  const code = auditExitCode(run, failOn as FailOn, failOnUndecided);
  let written = '';
  if (evidence !== undefined) {
    const pack = auditEvidence(run, clusters, { title: positionals.join(', '), evaluatedAt: evaluationDate, toolVersion, lineOf: (document, pointer) => locations.lineOf(`${document}#${pointer}`, '') });
    written = writeEvidence(evidence, values.evidence!, pack, io.cwd);
  }
  if (output === undefined) return { code, stdout: report, stderr: stderr + written };
  writeOutputFile(output, report, values.output!);
  return { code, stdout: '', stderr: stderr + written };
}

/** The evidence pack of an audit run: each cluster with the facts its verdicts rest on, located in the files read. */
function auditEvidence(run: AuditRun, clusters: readonly ClusterDescription[], options: { title: string; evaluatedAt: string; toolVersion: string; lineOf: (document: string, pointer: string) => number | undefined }): EvidencePack {
  return assembleEvidence({
    title: options.title,
    evaluatedAt: options.evaluatedAt,
    toolVersion: options.toolVersion,
    origin: 'audit',
    clusters: run.audits.map((audit, i) => clusterEvidence({ description: clusters[i], audit, lineOf: options.lineOf })),
    notExamined: [...run.problems.map((p) => `unusable input: ${p}`), ...(run.notExamined ?? []).map((n) => `${n.at.document}#${n.at.pointer}: ${n.what}: ${n.reason}`)],
  });
}

/** Writes the evidence files into `folder`; the written summary for standard error. */
function writeEvidence(folder: string, given: string, pack: EvidencePack, cwd: string): string {
  const files: Record<string, string> = { 'assessment-results.oscal.json': renderOscalAssessmentResults(pack), 'report.html': renderEvidenceHtml(pack) };
  for (const [name, text] of Object.entries(files)) writeOutputFile(path.join(folder, name), text, path.join(given, name));
  return writtenSummary(new Map([['', Object.keys(files)]]), folder, cwd);
}

/**
 * The objects of `kubectl get ... -o json`: a List (`kind: List`, `items`)
 * or one object (`apiVersion`, `kind`, `metadata`, no ARM `type`); else `undefined`.
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/
 */
function kubernetesObjects(value: unknown, name: string): KubernetesObjectAt[] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, any>;
  if (typeof v.kind !== 'string' || typeof v.apiVersion !== 'string' || 'type' in v) return undefined;
  if (/List$/.test(v.kind) && Array.isArray(v.items)) {
    return v.items.flatMap((item: unknown, i: number) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? [{ object: item as Record<string, any>, at: { document: name, pointer: `/items/${i}` } }] : []));
  }
  return v.metadata !== null && typeof v.metadata === 'object' ? [{ object: v, at: { document: name, pointer: '' } }] : undefined;
}

/** `secure-aks audit --approved <dir> <file>...`: the drift of live clusters from their approved templates. */
function driftCommand(
  approvedDir: string,
  files: readonly string[],
  io: CliIo,
  toolVersion: string,
  options: { format: string; output?: string; shown?: string; failOn: FailOn; failOnUndecided: boolean; evaluationDate: string },
): CliResult {
  const approved = readApprovedSynth(approvedDir, approvedDir, io.cwd);
  const kubernetes: Array<{ name: string; items: KubernetesObjectAt[] }> = [];
  const { readings, problems, locations, given } = readInputs(files, io, kubernetes);
  const live = describeDeployment(readings);
  for (const r of readings) {
    if (!r.resources.some((x) => x.type.toLowerCase() === 'microsoft.containerservice/managedclusters')) problems.push(`${r.name}: no managed cluster (Microsoft.ContainerService/managedClusters) in this document`);
  }
  const clusters = approvedClusters(approved.templates);
  const run = {
    ...compareWithApproved(live.clusters, clusters, [...approved.problems, ...problems], { evaluationDate: options.evaluationDate }),
    kubernetes: kubernetes.map((k) => compareKubernetesList(k.name, k.items, approved.manifests, clusters)),
  };
  let report: string;
  if (options.format === 'json') report = renderDriftJson(run);
  else if (options.format === 'sarif') {
    report = renderDriftSarif(run, {
      toolVersion,
      lineOf: (source, property) => locations.lineOf(source, property),
      artifactUri: (name) => artifactUri(given.get(name) ?? name, io.cwd),
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: sourceRootUri(io.cwd) } },
    });
  } else {
    const colour = options.output === undefined && useColour(io);
    report = renderDriftText({ ...run, problems: [] }, (s) => severityLabel(s, colour));
  }
  const stderr = run.problems.map((p) => `secure-aks: unusable input: ${p}\n`).join('');
  const code = driftExitCode(run, options.failOn, options.failOnUndecided);
  if (options.output === undefined) return { code, stdout: report, stderr };
  writeOutputFile(options.output, report, options.shown!);
  return { code, stdout: '', stderr };
}

/**
 * Every file read and described, with the problems of those that cannot be,
 * and the path each report name was given as. A report names a resource
 * `<file>#<JSON pointer>`, so a `#` in a file's name is written `%23` there.
 */
function readInputs(files: readonly string[], io: CliIo, kubernetes?: Array<{ name: string; items: KubernetesObjectAt[] }>, withLines = true) {
  const readings: Array<ReturnType<typeof readDocument> & { readonly name: string }> = [];
  const problems: string[] = [];
  const locations = new PropertyLocations();
  const names = new Map<string, string>();
  for (const given of files) {
    const name = given === '-' ? STDIN_NAME : given.replace(/#/g, '%23');
    names.set(name, given === '-' ? STDIN_NAME : given);
    let text: string;
    try {
      if (given === '-') {
        text = io.readStdin();
      } else {
        const decoded = decodeDocument(fs.readFileSync(path.resolve(io.cwd, given)), name);
        if ('problem' in decoded) {
          problems.push(`${name}: ${decoded.problem.message}`);
          continue;
        }
        text = decoded.text;
      }
    } catch (e) {
      problems.push(`${name}: ${given === '-' ? 'cannot read standard input: ' : ''}${describeFileSystemError(e)}`);
      continue;
    }
    const parsed = parseJsonDocument(text, name);
    if ('problems' in parsed) {
      problems.push(...parsed.problems.map((p) => `${name}: not JSON (${p.message})`));
      continue;
    }
    if (withLines) locations.add(name, text);
    const objects = kubernetes === undefined ? undefined : kubernetesObjects(parsed.value, name);
    if (objects !== undefined) {
      kubernetes!.push({ name, items: objects });
      continue;
    }
    const reading = { ...readDocument(parsed.value, name), name };
    readings.push(reading);
    problems.push(...reading.problems.map((p) => `${p.at.document}#${p.at.pointer}: ${p.message}`));
  }
  return { readings, problems, locations, given: names };
}
