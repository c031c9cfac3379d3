import { frameworkClausesLine } from '../compliance/framework-clauses-text';
import { AcknowledgedViolation } from '../validation/acknowledgement';
import { markdownTable } from './markdown';

/**
 * The acknowledged warnings of a report: each finding with the reason given,
 * and the framework clauses its rule supports, which the accepted deviation
 * leaves unmet. An acknowledgement is itself a control (SAKS-ACK-001): a
 * deviation identified, documented and approved.
 */
export function renderAcknowledgedWarnings(acknowledged: readonly AcknowledgedViolation[]): string {
  return [
    `Each acknowledgement is a deviation accepted with its reason (SAKS-ACK-001: ${frameworkClausesLine('SAKS-ACK-001')}). Frameworks: the clauses the accepted rule supports, which the deviation leaves unmet.`,
    '',
    markdownTable(
      ['Rule', 'Property', 'Finding', 'Reason given', 'Frameworks'],
      acknowledged.map((a) => [a.violation.rule.id, a.violation.property, a.violation.rule.statement, a.acknowledgement.reason, frameworkClausesLine(a.violation.rule.id)]),
    ),
  ].join('\n');
}
