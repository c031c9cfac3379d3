import { SARIF_LEVEL, sarifLog } from '../reports/sarif-log';
import { isDocumentLocation } from '../description/fact';
import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';
import { describeValue } from '../validation/violation';
import { FailOn, SarifOptions } from '../audit/audit-report';
import { factText, provenanceText } from './drift-violations';
import { DriftRun } from './drift-run';

const clusterId = (c: { resource: { id?: unknown }; name: string }) => (typeof c.resource.id === 'string' ? c.resource.id : c.name);
/** A resource's place as the audit names it: `file#pointer`, or the file when it is the whole document. */
const sourceOf = (origin: { document: string; pointer: string }) => (origin.pointer === '' ? origin.document : `${origin.document}#${origin.pointer}`);

/**
 * The exit code of a drift run: 2 unusable input, 1 drift (or an unmanaged
 * cluster with `failOn` warning; or, with `failOnUndecided`, a fact not
 * compared, an ambiguous match or an approved cluster not found), 0 none.
 * @internal
 */
export function driftExitCode(run: DriftRun, failOn: FailOn = 'error', failOnUndecided = false): 0 | 1 | 2 {
  if (run.problems.length > 0) return 2;
  if (run.clusters.some((c) => c.drifts.length > 0) || (run.kubernetes ?? []).some((k) => k.result.drifts.length > 0)) return 1;
  if (failOn === 'warning' && run.unmanaged.length > 0) return 1;
  const open =
    run.clusters.some((c) => c.undecided.length > 0 || c.notCompared.length > 0) ||
    run.ambiguous.length > 0 ||
    run.notFound.length > 0 ||
    (run.kubernetes ?? []).some((k) => k.result.undecided.length > 0);
  return failOnUndecided && open ? 1 : 0;
}

/**
 * The drift report for a terminal or a pipeline log.
 * @internal
 */
export function renderDriftText(run: DriftRun, severityLabel: (s: Rule['severity']) => string = (s) => s): string {
  const lines: string[] = [];
  if (run.evaluationDate !== undefined) lines.push(`Rules judged on ${run.evaluationDate} (UTC).`);
  for (const c of run.clusters) {
    lines.push('', `# ${c.live.name} (${sourceOf(c.live.resource.origin)}), matched ${c.matchedBy}`);
    lines.push(`${c.drifts.length} drifts, ${c.undecided.length} undecided, ${c.notCompared.length} approved resources not compared`);
    for (const d of c.drifts) {
      lines.push(`${severityLabel(Rules.driftFromApproved.severity)} [${Rules.driftFromApproved.id}] ${d.resource.type.split('/').pop()} ${d.resource.name}: ${d.path}`);
      lines.push(`    approved: ${factText(d.approved)} (${provenanceText(d.approved.at)})`);
      lines.push(`    live:     ${factText(d.live)} (${provenanceText(d.live.at)})`);
      for (const r of d.brokenRules) lines.push(`    breaks:   [${r.id}] ${r.statement}`);
    }
    for (const u of c.undecided) lines.push(`  undecided ${u.resource.name}: ${u.path}: the approved value is not known offline (${u.reason}); live ${factText(u.live)}`);
    const reasons = [...new Set(c.notCompared.map((n) => n.reason))];
    for (const reason of reasons) {
      lines.push(`  not compared, ${reason}:`);
      for (const n of c.notCompared.filter((x) => x.reason === reason)) lines.push(`    ${n.resource.type} ${n.resource.name}${n.resource.on ? ` on ${n.resource.on}` : ''}`);
    }
    for (const v of c.newlyBroken) lines.push(`  also broken on the live cluster, kept by the approved template: [${v.rule.id}] ${v.property} = ${describeValue(v.value)}`);
  }
  for (const k of run.kubernetes ?? []) {
    lines.push('', `# Kubernetes objects of ${k.live}, compared with ${k.manifests.join(', ') || 'no approved manifest'}`);
    lines.push(`${k.result.drifts.length} drifts, ${k.result.undecided.length} undecided, ${k.result.missing.length} approved objects not live`);
    for (const d of k.result.drifts) {
      lines.push(`${severityLabel(Rules.driftFromApproved.severity)} [${Rules.driftFromApproved.id}] ${d.object}: ${d.field}`);
      lines.push(`    approved: ${d.approved === undefined ? '(absent)' : describeValue(d.approved)}${d.approvedAt ? ` (${provenanceText(d.approvedAt)})` : ''}`);
      lines.push(`    live:     ${d.live === undefined ? '(absent)' : describeValue(d.live)} (${provenanceText(d.liveAt)})`);
      for (const r of d.brokenRules) lines.push(`    breaks:   [${r.id}] ${r.statement}`);
    }
    for (const u of k.result.undecided) lines.push(`  undecided ${u.object}: ${u.reason}`);
    for (const m of k.result.missing) lines.push(`  approved, not live: ${m.object.kind} ${m.object.metadata?.namespace ?? ''}/${m.object.metadata?.name} (${provenanceText(m.at)})`);
  }
  if (run.unmanaged.length > 0) {
    lines.push('', `Unmanaged: ${run.unmanaged.length} live clusters no approved template describes:`);
    for (const u of run.unmanaged) lines.push(`${severityLabel(Rules.unmanagedCluster.severity)} [${Rules.unmanagedCluster.id}] ${u.name}: ${clusterId(u)} (${sourceOf(u.resource.origin)})`);
  }
  if (run.ambiguous.length > 0) {
    lines.push('', 'Not compared, matched ambiguously:');
    for (const a of run.ambiguous) lines.push(`  ${a.live.name}: ${a.how}`);
  }
  if (run.notFound.length > 0) {
    lines.push('', 'Approved clusters not in the live input (not compared):');
    for (const n of run.notFound) lines.push(`  ${n.description.name} (${n.template}#${n.description.resource.origin.pointer})`);
  }
  if (lines.length === 0) lines.push('No live cluster given.');
  return `${lines.join('\n').replace(/^\n/, '')}\n`;
}

/**
 * The drift report as JSON: stable keys, for other tools.
 * @internal
 */
export function renderDriftJson(run: DriftRun): string {
  const fact = (f: Parameters<typeof factText>[0]) => ({
    state: f.state,
    ...(f.state === 'known' ? { value: f.value } : {}),
    ...(f.state === 'unknown' ? { reason: f.reason } : {}),
    at: provenanceText(f.at),
  });
  return `${JSON.stringify(
    {
      evaluationDate: run.evaluationDate ?? null,
      problems: run.problems,
      clusters: run.clusters.map((c) => ({
        name: c.live.name,
        id: typeof c.live.resource.id === 'string' ? c.live.resource.id : null,
        source: `${sourceOf(c.live.resource.origin)}`,
        approved: `${c.approved.template}#${c.approved.description.resource.origin.pointer}`,
        matchedBy: c.matchedBy,
        drifts: c.drifts.map((d) => ({
          ruleId: Rules.driftFromApproved.id,
          resource: d.resource,
          path: d.path,
          approved: fact(d.approved),
          live: fact(d.live),
          brokenRules: d.brokenRules.map((r) => r.id),
        })),
        undecided: c.undecided.map((u) => ({ resource: u.resource, path: u.path, reason: u.reason, approved: fact(u.approved), live: fact(u.live) })),
        notCompared: c.notCompared,
        newlyBroken: c.newlyBroken.map((v) => ({ ruleId: v.rule.id, property: v.property, value: v.value === undefined ? null : v.value })),
      })),
      kubernetes: (run.kubernetes ?? []).map((k) => ({
        live: k.live,
        manifests: k.manifests,
        drifts: k.result.drifts.map((d) => ({
          ruleId: Rules.driftFromApproved.id,
          object: d.object,
          field: d.field,
          approved: d.approved === undefined ? null : d.approved,
          approvedAt: d.approvedAt ? provenanceText(d.approvedAt) : null,
          live: d.live === undefined ? null : d.live,
          liveAt: provenanceText(d.liveAt),
          brokenRules: d.brokenRules.map((r) => r.id),
        })),
        undecided: k.result.undecided.map((u) => ({ object: u.object, at: provenanceText(u.liveAt), reason: u.reason })),
        approvedNotLive: k.result.missing.map((m) => provenanceText(m.at)),
      })),
      unmanaged: run.unmanaged.map((u) => ({ ruleId: Rules.unmanagedCluster.id, name: u.name, id: typeof u.resource.id === 'string' ? u.resource.id : null, source: `${sourceOf(u.resource.origin)}` })),
      ambiguous: run.ambiguous.map((a) => ({ name: a.live.name, source: `${sourceOf(a.live.resource.origin)}`, reason: a.how })),
      approvedNotFound: run.notFound.map((n) => ({ name: n.description.name, approved: `${n.template}#${n.description.resource.origin.pointer}` })),
    },
    null,
    2,
  )}\n`;
}


/**
 * The drift report as a SARIF 2.1.0 log: one result per drift (SAKS-DRIFT-001,
 * the broken rules in its properties), per unmanaged cluster (SAKS-DRIFT-002),
 * and an open result per fact not decided.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * @internal
 */
export function renderDriftSarif(run: DriftRun, options: SarifOptions): string {
  const rules = [Rules.driftFromApproved, Rules.unmanagedCluster];
  const location = (at: unknown, logical: string) => {
    const place = at !== undefined && isDocumentLocation(at as never) ? (at as { document: string; pointer: string }) : undefined;
    const startLine = place ? options.lineOf?.(`${place.document}#${place.pointer}`, '') : undefined;
    return {
      physicalLocation: { artifactLocation: options.artifactUri?.(place?.document ?? '') ?? { uri: place?.document ?? '' }, ...(startLine ? { region: { startLine } } : {}) },
      logicalLocations: [{ fullyQualifiedName: logical, kind: 'resource' }],
    };
  };
  const results: unknown[] = [];
  for (const c of run.clusters) {
    const id = clusterId(c.live);
    for (const d of c.drifts) {
      results.push({
        ruleId: Rules.driftFromApproved.id,
        ruleIndex: 0,
        level: SARIF_LEVEL[Rules.driftFromApproved.severity],
        message: { text: `${c.live.name}: ${d.resource.name} ${d.path}: approved ${factText(d.approved)} (${provenanceText(d.approved.at)}), live ${factText(d.live)}.${d.brokenRules.length > 0 ? ` Breaks ${d.brokenRules.map((r) => r.id).join(', ')}.` : ''}` },
        locations: [location(d.live.at, `${d.resource.id ?? d.resource.name}/${d.path}`)],
        partialFingerprints: { 'secureAksFinding/v1': `${Rules.driftFromApproved.id}:${(d.resource.id ?? d.resource.name).toLowerCase()}:${d.path}` },
        properties: { approved: factText(d.approved), live: factText(d.live), brokenRules: d.brokenRules.map((r) => r.id) },
      });
    }
    for (const u of c.undecided) {
      results.push({
        ruleId: Rules.driftFromApproved.id,
        ruleIndex: 0,
        kind: 'open',
        level: 'none',
        message: { text: `${c.live.name}: ${u.resource.name} ${u.path}: undecided: the approved value is not known offline (${u.reason}).` },
        locations: [location(u.live.at, `${id}/${u.path}`)],
        partialFingerprints: { 'secureAksFinding/v1': `${Rules.driftFromApproved.id}:${id.toLowerCase()}:${u.path}:undecided` },
      });
    }
  }
  for (const k of run.kubernetes ?? []) {
    for (const d of k.result.drifts) {
      const approvedText = d.approved === undefined ? '(absent)' : describeValue(d.approved);
      const liveText = d.live === undefined ? '(absent)' : describeValue(d.live);
      results.push({
        ruleId: Rules.driftFromApproved.id,
        ruleIndex: 0,
        level: SARIF_LEVEL[Rules.driftFromApproved.severity],
        message: { text: `${d.object}: ${d.field}: approved ${approvedText}${d.approvedAt ? ` (${provenanceText(d.approvedAt)})` : ''}, live ${liveText}.${d.brokenRules.length > 0 ? ` Breaks ${d.brokenRules.map((r) => r.id).join(', ')}.` : ''}` },
        locations: [location(d.liveAt, `${d.object}/${d.field}`)],
        partialFingerprints: { 'secureAksFinding/v1': `${Rules.driftFromApproved.id}:${d.object}:${d.field}` },
        properties: { approved: approvedText, live: liveText, brokenRules: d.brokenRules.map((r) => r.id) },
      });
    }
  }
  for (const u of run.unmanaged) {
    results.push({
      ruleId: Rules.unmanagedCluster.id,
      ruleIndex: 1,
      level: SARIF_LEVEL[Rules.unmanagedCluster.severity],
      message: { text: `${u.name}: no approved template describes ${clusterId(u)}.` },
      locations: [location(u.resource.origin, clusterId(u))],
      partialFingerprints: { 'secureAksFinding/v1': `${Rules.unmanagedCluster.id}:${clusterId(u).toLowerCase()}` },
    });
  }
  return sarifLog({ toolVersion: options.toolVersion, rules, results, problems: run.problems, evaluationDate: run.evaluationDate, originalUriBaseIds: options.originalUriBaseIds });
}
