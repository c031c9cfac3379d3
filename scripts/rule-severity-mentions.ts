import { Rule } from '../lib';

/**
 * How a hand-written page states a rule's severity: `(SAKS-RUN-002, info)`, the rule's id and its
 * severity in parentheses. `npm run docs:generate` writes each such severity from the rule catalog,
 * so a page cannot disagree with the rule; anywhere else a severity is not written next to a rule id.
 */
const MENTION = /\((SAKS-[A-Z0-9]+-\d+), (error|warning|info)\)/g;

/** A rule id, or a family of them (`SAKS-DNS-*`). */
const RULE_ID = /SAKS-[A-Z0-9]+-(?:\d+|\*)/;

/** A word that states a severity, or an action that only one severity takes. */
const SEVERITY_WORD = /\b(errors?|warnings?|warns?|infos?)\b/i;

/** The page with the severity of each `(SAKS-..., severity)` mention written from the catalog. */
export function withCatalogSeverities(page: string, rules: readonly Rule[], pageName: string): string {
  return page.replace(MENTION, (_, id: string) => {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw new Error(`${pageName} gives a severity to ${id}, which is not a rule of the catalog (lib/core/validation/rule-catalog.ts)`);
    return `(${id}, ${rule.severity})`;
  });
}

/** A passage of a page that names a rule and a severity in words of its own, with its line. */
export interface LooseSeverity {
  readonly line: number;
  readonly text: string;
}

/**
 * Passages (a sentence, or a table cell) that name a rule id and also a severity outside the
 * `(SAKS-..., severity)` form: such a severity is hand-written and can drift from the catalog.
 */
export function looseSeverities(page: string): LooseSeverity[] {
  const loose: LooseSeverity[] = [];
  // Sentences end at `.`, `;` or `:` before a space or a line break, paragraphs at a blank line,
  // table cells at `|`. Code spans are left out.
  let start = 0;
  for (const separator of [...page.matchAll(/(?<=[.;:])\s+|\n\s*\n|\|/g), { index: page.length, 0: '' }]) {
    const passage = page.slice(start, separator.index);
    const text = passage.replace(/`[^`\n]*`/g, '').replace(MENTION, '');
    if (RULE_ID.test(text) && SEVERITY_WORD.test(text)) {
      loose.push({ line: page.slice(0, start + passage.search(/\S|$/)).split('\n').length, text: passage.trim().replace(/\s+/g, ' ') });
    }
    start = separator.index + separator[0].length;
  }
  return loose;
}
