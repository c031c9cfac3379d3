import { frameworkClausesLine } from '../compliance/framework-clauses-text';
import { markdownLink, markdownTable } from '../reports/markdown';
import { Rule } from './rule';

/**
 * Renders the rule catalog as a Markdown table: id, severity, rule, where it
 * is enforced (when `enforcedIn` says), the admission policy that enforces it
 * inside the cluster (when `admissionPolicies` says), its Azure Policy
 * definition or why there is none (when `azurePolicy` says), the framework
 * clauses it supports (`frameworkClausesOf`), sources.
 * @internal
 */
export function renderRulesTable(
  rules: readonly Rule[],
  enforcedIn?: (rule: Rule) => readonly string[],
  admissionPolicies?: (rule: Rule) => readonly string[],
  azurePolicy?: (rule: Rule) => string,
): string {
  return markdownTable(
    ['Rule', 'Severity', 'Constraint', ...(enforcedIn ? ['Enforced in'] : []), ...(admissionPolicies ? ['Admission policy'] : []), ...(azurePolicy ? ['Azure Policy'] : []), 'Frameworks', 'Source'],
    rules.map((r) => [
      r.id,
      r.severity,
      `${r.statement}${r.citation ? ` (${r.citation})` : ''}`,
      ...(enforcedIn ? [enforcedIn(r).join(', ')] : []),
      ...(admissionPolicies ? [admissionPolicies(r).map((p) => `\`${p}\``).join(', ')] : []),
      ...(azurePolicy ? [azurePolicy(r)] : []),
      frameworkClausesLine(r.id),
      { raw: r.sources.map(markdownLink).join('<br>') },
    ]),
  );
}
