import { markdownLink, markdownTable } from '../reports/markdown';
import { Rules } from '../validation/rule-catalog';
import { judgeAdvisories } from './advisory-judgement';
import { EvaluationDate, startOfDay } from './evaluation-date';
import { PinnedComponentVersion } from './pinned-support';
import { SECURITY_ADVISORIES } from './security-advisories';
import { COMPONENT_LABELS } from './support-judgement';
import { supportStatus } from './support-windows';
import { SUPPORT_WARNING_DAYS } from './support-warning-days';

/**
 * What SAKS-VER-004 says of a version installed, for the report: empty for a
 * component no advisory is recorded for (the add-on, Kubernetes, ...).
 */
function securityFixes(p: PinnedComponentVersion, date: EvaluationDate): string {
  if (!SECURITY_ADVISORIES.some((a) => a.component === p.component)) return '';
  const judged = judgeAdvisories(p.component, p.version, date);
  switch (judged.status) {
    case 'fixed':
      return judged.checked.length === 0 ? 'none recorded as published by the evaluation date' : `has the fixes of ${judged.checked.join(', ')}`;
    case 'unfixed':
      return `lacks a published fix: ${judged.fix}`;
    case 'unknown':
      return `undecided: ${judged.reason}`;
  }
}

/**
 * The "Support windows" section of a report: the evaluation date, and each
 * version with its status on that date by the one support table (ending and
 * ended are SAKS-VER-001 and SAKS-VER-002; unknown is undecided, with why),
 * and, for what the deployment installs, by the published security fixes (SAKS-VER-004).
 */
export function renderSupportWindows(versions: readonly PinnedComponentVersion[], date: EvaluationDate): string[] {
  const rows = versions.map((p) => {
    const s = supportStatus(p.component, p.version, startOfDay(date), SUPPORT_WARNING_DAYS);
    const status = s.status === 'unknown' ? `undecided: ${s.note ?? 'no dated end of support in the table'}` : s.status;
    return [COMPONENT_LABELS[p.component], p.version, p.property, status, securityFixes(p, date), s.endOfSupport ?? '', s.source ? { raw: markdownLink(s.source) } : ''];
  });
  return [
    '',
    '## Support windows',
    '',
    `Evaluated on **${date}** (UTC). A version is ending ${SUPPORT_WARNING_DAYS} days before the end of its owner's support (${Rules.supportEnding.id}, a warning) and ended after it (${Rules.supportEnded.id}, an error); a version the table cannot date is undecided, never supported. A version installed older than the first patch of its line that fixes a security advisory published by the evaluation date fails ${Rules.securityFixPublished.id} (an error).`,
    '',
    markdownTable(['Component', 'Version', 'Set by', 'Status', 'Published security fixes', 'End of support', 'Source'], rows),
  ];
}
