import { EvaluationDate } from './evaluation-date';
import { SupportComponent } from './release-line';
import { SECURITY_ADVISORIES, SecurityAdvisory } from './security-advisories';
import { COMPONENT_LABELS } from './support-judgement';

/**
 * What the published security fixes say of one version on the evaluation
 * date: it has the fixes of every advisory published for its component by
 * then (`checked`, empty when none is); a fix it lacks (SAKS-VER-004), with
 * the patch to pin and the advisories; or why it cannot be said.
 * @internal
 */
export type AdvisoryJudgement =
  | { readonly status: 'fixed'; readonly checked: readonly string[] }
  | { readonly status: 'unfixed'; readonly fix: string; readonly detail: string }
  | { readonly status: 'unknown'; readonly reason: string };

type Patch = readonly [major: number, minor: number, patch: number];

function parsePatch(version: string): Patch | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function comparePatch(a: Patch, b: Patch): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The fix `version` lacks under `advisory`: the patch to pin in its line, or, for an older line, the lines' fixes; none when not affected. */
function missingFix(advisory: SecurityAdvisory, version: Patch): string | undefined {
  const fixes = advisory.fixedIn.map((f) => ({ text: f, patch: parsePatch(f)! }));
  const sameLine = fixes.find((f) => f.patch[0] === version[0] && f.patch[1] === version[1]);
  if (sameLine) return comparePatch(version, sameLine.patch) < 0 ? `pin ${sameLine.text} or later` : undefined;
  const olderThanEvery = fixes.every((f) => f.patch[0] > version[0] || (f.patch[0] === version[0] && f.patch[1] > version[1]));
  if (advisory.olderLinesAffected && olderThanEvery) return `pin a release of a fixed line: ${fixes.map((f) => `${f.text} or later`).join(', ')}`;
  return undefined;
}

/**
 * Judges `version` of `component` on `date` against every advisory the owner
 * published on or before that day ({@link SECURITY_ADVISORIES}): the single
 * predicate of SAKS-VER-004. A version without a patch number (`1.30`, a
 * release candidate, an expression) is undecided once an advisory applies to
 * its component: which patch is installed decides.
 * @internal
 */
export function judgeAdvisories(component: SupportComponent, version: string, date: EvaluationDate): AdvisoryJudgement {
  const published = SECURITY_ADVISORIES.filter((a) => a.component === component && a.published <= date);
  if (published.length === 0) return { status: 'fixed', checked: [] };
  const label = `${COMPONENT_LABELS[component]} ${version}`;
  const patch = parsePatch(version);
  if (!patch) {
    return { status: 'unknown', reason: `${label} names no <major>.<minor>.<patch> release: whether it has the fixes of ${published.map((a) => a.id).join(', ')} cannot be told` };
  }
  const unfixed = published.flatMap((a) => {
    const fix = missingFix(a, patch);
    return fix ? [{ advisory: a, fix }] : [];
  });
  if (unfixed.length === 0) return { status: 'fixed', checked: published.map((a) => a.id) };
  const detail = unfixed.map(({ advisory: a }) => `${a.id} (published ${a.published}, ${a.url}; fixed in ${a.fixedIn.join(', ')}): ${a.note}`).join('; ');
  return { status: 'unfixed', fix: [...new Set(unfixed.map((u) => u.fix))].join('; '), detail: `${label} lacks published security fixes: ${detail}; evaluated on ${date}` };
}
