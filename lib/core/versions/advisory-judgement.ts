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

/** The first fixed patch of each line `advisory` lists. */
function fixedPatches(advisory: SecurityAdvisory): Patch[] {
  return advisory.fixedIn.map((f) => parsePatch(f)!);
}

const sameLine = (a: Patch, b: Patch) => a[0] === b[0] && a[1] === b[1];
const asText = (p: Patch) => p.join('.');

/**
 * The patches `version` must reach under `advisory`: the first fixed patch of
 * its line when it is below it; every listed line's when its line is older
 * than all of them and the advisory says older lines are affected; none otherwise.
 */
function requiredPatches(advisory: SecurityAdvisory, version: Patch): Patch[] {
  const fixes = fixedPatches(advisory);
  const own = fixes.find((f) => sameLine(f, version));
  if (own) return comparePatch(version, own) < 0 ? [own] : [];
  const olderThanEvery = fixes.every((f) => f[0] > version[0] || (f[0] === version[0] && f[1] > version[1]));
  return advisory.olderLinesAffected && olderThanEvery ? fixes : [];
}

/**
 * The fix for a set of required patches, the highest per line: a later patch
 * of the version's own line when that is all they ask; else the fixed lines,
 * in order (its own line cannot carry every fix).
 */
function fixFor(version: Patch, required: readonly Patch[]): string {
  const highest = new Map<string, Patch>();
  for (const p of required) {
    const line = `${p[0]}.${p[1]}`;
    const known = highest.get(line);
    if (!known || comparePatch(p, known) > 0) highest.set(line, p);
  }
  const patches = [...highest.values()].sort(comparePatch);
  if (patches.length === 1 && sameLine(patches[0], version)) return `pin ${asText(patches[0])} or later`;
  return `pin a release of a fixed line: ${patches.filter((p) => !sameLine(p, version)).map((p) => `${asText(p)} or later`).join(', ')}`;
}

/**
 * Judges `version` of `component` on `date` against every advisory the owner
 * published on or before that day ({@link SECURITY_ADVISORIES}): the single
 * predicate of SAKS-VER-004. A version without a patch number (`1.30`, a
 * release candidate, an expression) is undecided once an advisory applies to
 * its component: which patch is installed decides. `advisories` is the
 * library's table unless a test gives another.
 * @internal
 */
export function judgeAdvisories(component: SupportComponent, version: string, date: EvaluationDate, advisories: readonly SecurityAdvisory[] = SECURITY_ADVISORIES): AdvisoryJudgement {
  const published = advisories.filter((a) => a.component === component && a.published <= date);
  if (published.length === 0) return { status: 'fixed', checked: [] };
  const label = `${COMPONENT_LABELS[component]} ${version}`;
  const patch = parsePatch(version);
  if (!patch) {
    return { status: 'unknown', reason: `${label} names no <major>.<minor>.<patch> release: whether it has the fixes of ${published.map((a) => a.id).join(', ')} cannot be told` };
  }
  const unfixed = published.map((a) => ({ advisory: a, required: requiredPatches(a, patch) })).filter((u) => u.required.length > 0);
  if (unfixed.length === 0) return { status: 'fixed', checked: published.map((a) => a.id) };
  const detail = unfixed.map(({ advisory: a }) => `${a.id} (published ${a.published}, ${a.url}; fixed in ${a.fixedIn.join(', ')}): ${a.note}`).join('; ');
  return { status: 'unfixed', fix: fixFor(patch, unfixed.flatMap((u) => u.required)), detail: `${label} lacks published security fixes: ${detail}; evaluated on ${date}` };
}
