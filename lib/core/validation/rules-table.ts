import { markdownLink, markdownTable } from '../reports/markdown';
import { Rule } from './rule';

/** Renders the rule catalog as a Markdown table: id, severity, rule, sources. */
export function renderRulesTable(rules: readonly Rule[]): string {
  return markdownTable(
    ['Rule', 'Severity', 'Constraint', 'Source'],
    rules.map((r) => [r.id, r.severity, `${r.statement}${r.citation ? ` (${r.citation})` : ''}`, { raw: r.sources.map(markdownLink).join('<br>') }]),
  );
}
