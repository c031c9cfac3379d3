import { markdownLink, markdownTable } from '../reports/markdown';
import { Rule } from './rule';

/**
 * Renders the rule catalog as a Markdown table: id, severity, rule, where it
 * is enforced (when `enforcedIn` says), the admission policy that enforces it
 * inside the cluster (when `admissionPolicies` says), sources.
 */
export function renderRulesTable(
  rules: readonly Rule[],
  enforcedIn?: (rule: Rule) => readonly string[],
  admissionPolicies?: (rule: Rule) => readonly string[],
): string {
  return markdownTable(
    ['Rule', 'Severity', 'Constraint', ...(enforcedIn ? ['Enforced in'] : []), ...(admissionPolicies ? ['Admission policy'] : []), 'Source'],
    rules.map((r) => [
      r.id,
      r.severity,
      `${r.statement}${r.citation ? ` (${r.citation})` : ''}`,
      ...(enforcedIn ? [enforcedIn(r).join(', ')] : []),
      ...(admissionPolicies ? [admissionPolicies(r).map((p) => `\`${p}\``).join(', ')] : []),
      { raw: r.sources.map(markdownLink).join('<br>') },
    ]),
  );
}
