import { Fact, isDocumentLocation, Provenance } from '../description/fact';
import { Rules } from '../validation/rule-catalog';
import { describeValue, Violation } from '../validation/violation';
import { Drift } from './cluster-drift';
import { DriftRun } from './drift-run';

/**
 * A fact's value as a report writes it: the value, `(absent)`, or `(unknown: reason)`.
 * @internal
 */
export function factText(f: Fact): string {
  if (f.state === 'known') return describeValue(f.value);
  if (f.state === 'absent') return '(absent)';
  return `(unknown: ${f.reason})`;
}

/**
 * Where a fact was read, as `file#pointer` or the definition's property.
 * @internal
 */
export function provenanceText(at: Provenance): string {
  return isDocumentLocation(at) ? `${at.document}#${at.pointer}` : at.definition;
}

/**
 * One drift as a finding of SAKS-DRIFT-001, at the live value.
 * @internal
 */
export function driftViolation(clusterName: string, d: Drift): Violation {
  const broken = d.brokenRules.length > 0 ? `; the live value breaks ${d.brokenRules.map((r) => r.id).join(', ')}` : '';
  const resource = d.resource.type.toLowerCase() === 'microsoft.containerservice/managedclusters' ? clusterName : `${d.resource.type} ${d.resource.name}`;
  return {
    rule: Rules.driftFromApproved,
    property: d.path,
    value: d.live.state === 'known' ? d.live.value : null,
    fix:
      d.approved.state === 'absent'
        ? 'remove the change from the live resource, or add it to the approved template and synthesize again'
        : `set it back to the approved value ${factText(d.approved)}, or change the approved template and synthesize again`,
    detail: `${resource}: approved ${factText(d.approved)} (${provenanceText(d.approved.at)}), live ${factText(d.live)} (${provenanceText(d.live.at)})${broken}`,
    at: d.live.at,
  };
}

/**
 * Every finding of a drift run: each drift, and each unmanaged cluster (SAKS-DRIFT-002).
 * @internal
 */
export function driftViolations(run: DriftRun): Violation[] {
  return [
    ...run.clusters.flatMap((c) => c.drifts.map((d) => driftViolation(c.live.name, d))),
    ...run.unmanaged.map(
      (u): Violation => ({
        rule: Rules.unmanagedCluster,
        property: 'name',
        value: u.name,
        fix: 'describe the cluster in an approved template and give it with --approved, or remove the cluster',
        detail: `no approved template describes ${typeof u.resource.id === 'string' ? u.resource.id : u.name}`,
        at: u.nameFact.at,
      }),
    ),
  ];
}
