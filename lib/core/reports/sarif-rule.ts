import { frameworkClauseLabels } from '../compliance/framework-clauses-text';
import { frameworkClausesOf } from '../compliance/framework-clauses';
import { Rule } from '../validation/rule';

/**
 * A rule's severity as a SARIF level (an info is a note).
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html (3.27.10)
 * @internal
 */
export const SARIF_LEVEL: Readonly<Record<Rule['severity'], 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A catalogue rule as a SARIF reporting descriptor: its statement, sources and
 * level, and the framework clauses it supports as tags code scanning can
 * filter on (SARIF 2.1.0, 3.8.2). Every SARIF log the library writes describes
 * its rules this way.
 * @internal
 */
export function sarifRuleDescriptor(r: Rule): Record<string, unknown> {
  const clauses = frameworkClausesOf(r.id);
  return {
    id: r.id,
    shortDescription: { text: r.statement },
    fullDescription: { text: `${r.statement}. Source: ${r.sources.join(' ; ')}` },
    helpUri: r.sources[0],
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    ...(clauses.length > 0 ? { properties: { tags: frameworkClauseLabels(clauses) } } : {}),
  };
}
