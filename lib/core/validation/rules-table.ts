import { Rule } from './rule';

/** Renders the rule catalog as a Markdown table: id, severity, rule, sources. */
export function renderRulesTable(rules: readonly Rule[]): string {
  const cell = (text: string) =>
    text.replace(/\|/g, '\\|').replace(/\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const rows = rules.map(
    (r) =>
      `| ${r.id} | ${r.severity} | ${cell(r.statement)}${r.citation ? ` (${cell(r.citation)})` : ''} | ${r.sources.map((s) => `<${s}>`).join('<br>')} |`,
  );
  return ['| Rule | Severity | Constraint | Source |', '|---|---|---|---|', ...rows].join('\n');
}
