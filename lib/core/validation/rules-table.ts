import { frameworkClausesLine } from '../compliance/framework-clauses-text';
import { markdownLink, markdownTable } from '../reports/markdown';
import { Rule } from './rule';

/**
 * Renders the rule catalog as a Markdown table: id, severity, rule, where it
 * is enforced (when `enforcedIn` says), the framework clauses it supports
 * (`frameworkClausesOf`), sources.
 */
export function renderRulesTable(rules: readonly Rule[], enforcedIn?: (rule: Rule) => readonly string[]): string {
  return markdownTable(
    ['Rule', 'Severity', 'Constraint', ...(enforcedIn ? ['Enforced in'] : []), 'Frameworks', 'Source'],
    rules.map((r) => [
      r.id,
      r.severity,
      `${r.statement}${r.citation ? ` (${r.citation})` : ''}`,
      ...(enforcedIn ? [enforcedIn(r).join(', ')] : []),
      frameworkClausesLine(r.id),
      { raw: r.sources.map(markdownLink).join('<br>') },
    ]),
  );
}
