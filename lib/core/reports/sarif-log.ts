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

/**
 * A SARIF 2.1.0 log of one run of the library, as text: the rules it
 * describes, the results, unusable inputs as tool notifications, and the
 * evaluation date in the run's property bag (§3.8). Every SARIF log the
 * library writes (the audit's, the drift's) is this log.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * @internal
 */
export function sarifLog(run: {
  readonly toolVersion: string;
  readonly rules: readonly Rule[];
  readonly results: readonly unknown[];
  readonly problems: readonly string[];
  readonly evaluationDate: string | undefined;
  readonly originalUriBaseIds?: unknown;
}): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'secure-aks', version: run.toolVersion, rules: run.rules.map(sarifRuleDescriptor) } },
        invocations: [
          {
            executionSuccessful: run.problems.length === 0,
            toolExecutionNotifications: run.problems.map((p) => ({ level: 'error', message: { text: `unusable input: ${p}` } })),
          },
        ],
        ...(run.originalUriBaseIds ? { originalUriBaseIds: run.originalUriBaseIds } : {}),
        results: run.results,
        properties: { evaluationDate: run.evaluationDate ?? null },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
