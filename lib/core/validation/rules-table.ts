import { markdownLink, markdownTable } from '../reports/markdown';
import { Rule } from './rule';

/**
 * Renders the rule catalog as a Markdown table: id, severity, rule, where it
 * is enforced (when `enforcedIn` says), its Azure Policy definition or why
 * there is none (when `azurePolicy` says), sources.
 */
export function renderRulesTable(rules: readonly Rule[], enforcedIn?: (rule: Rule) => readonly string[], azurePolicy?: (rule: Rule) => string): string {
  return markdownTable(
    ['Rule', 'Severity', 'Constraint', ...(enforcedIn ? ['Enforced in'] : []), ...(azurePolicy ? ['Azure Policy'] : []), 'Source'],
    rules.map((r) => [
      r.id,
      r.severity,
      `${r.statement}${r.citation ? ` (${r.citation})` : ''}`,
      ...(enforcedIn ? [enforcedIn(r).join(', ')] : []),
      ...(azurePolicy ? [azurePolicy(r)] : []),
      { raw: r.sources.map(markdownLink).join('<br>') },
    ]),
  );
}
