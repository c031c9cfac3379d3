import { markdownLink, markdownTable } from '../reports/markdown';
import { Rules } from '../validation/rule-catalog';
import { EvaluationDate, startOfDay } from './evaluation-date';
import { PinnedComponentVersion } from './pinned-support';
import { COMPONENT_LABELS } from './support-judgement';
import { supportStatus } from './support-windows';
import { SUPPORT_WARNING_DAYS } from './support-warning-days';

/**
 * The "Support windows" section of a report: the evaluation date, and each
 * version with its status on that date by the one support table (ending and
 * ended are SAKS-VER-001 and SAKS-VER-002; unknown is undecided, with why).
 */
export function renderSupportWindows(versions: readonly PinnedComponentVersion[], date: EvaluationDate): string[] {
  const rows = versions.map((p) => {
    const s = supportStatus(p.component, p.version, startOfDay(date), SUPPORT_WARNING_DAYS);
    const status = s.status === 'unknown' ? `undecided: ${s.note ?? 'no dated end of support in the table'}` : s.status;
    return [COMPONENT_LABELS[p.component], p.version, p.property, status, s.endOfSupport ?? '', s.source ? { raw: markdownLink(s.source) } : ''];
  });
  return [
    '',
    '## Support windows',
    '',
    `Evaluated on **${date}** (UTC). A version is ending ${SUPPORT_WARNING_DAYS} days before the end of its owner's support (${Rules.supportEnding.id}, a warning) and ended after it (${Rules.supportEnded.id}, an error); a version the table cannot date is undecided, never supported.`,
    '',
    markdownTable(['Component', 'Version', 'Set by', 'Status', 'End of support', 'Source'], rows),
  ];
}
