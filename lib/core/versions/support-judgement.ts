import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';
import { Sources as S } from '../validation/sources';
import { EvaluationDate, startOfDay } from './evaluation-date';
import { SupportComponent } from './release-line';
import { SUPPORT_WINDOWS, supportStatus } from './support-windows';
import { SUPPORT_WARNING_DAYS } from './support-warning-days';
import { answersByText } from '../memo/answers-by-text';

/**
 * How a component is named to the reader.
 * @category Support windows
 */
export const COMPONENT_LABELS: Readonly<Record<SupportComponent, string>> = {
  'aks-kubernetes': 'AKS Kubernetes',
  'aks-istio-addon': 'AKS Istio add-on revision',
  istio: 'Istio',
  'cert-manager': 'cert-manager',
  calico: 'Calico',
  'flux-extension': 'microsoft.flux extension',
  'arm-api-version': 'ARM API version',
};

/**
 * What the support windows say of one version on the evaluation date: the
 * rule it breaks (SAKS-VER-001 when ending, SAKS-VER-002 when ended) with the
 * fix and the facts; none when supported; or why it cannot be said.
 * @internal
 */
export type SupportJudgement =
  | { readonly status: 'supported' }
  | { readonly status: 'ending' | 'ended'; readonly rule: Rule; readonly fix: string; readonly detail: string }
  | { readonly status: 'unknown'; readonly reason: string };

/**
 * Judges `version` of `component` on `date`, by the one support table
 * ({@link supportStatus}): the single predicate of the support-window rules,
 * for what a cluster runs and for what the library pins.
 * @internal
 */
export function judgeSupport(component: SupportComponent, version: string, date: EvaluationDate): SupportJudgement {
  // A tenant's clusters run a handful of versions: each is judged once per date.
  return judgedOnce(`${component}|${version}|${date}`, { component, version, date });
}

/** {@link judge}, keyed by its arguments as one text (a component and a date hold no `|`, so the text tells them apart). */
const judgedOnce = answersByText((_key, a: { component: SupportComponent; version: string; date: EvaluationDate }): SupportJudgement => judge(a.component, a.version, a.date));

function judge(component: SupportComponent, version: string, date: EvaluationDate): SupportJudgement {
  const s = supportStatus(component, version, startOfDay(date), SUPPORT_WARNING_DAYS);
  const label = `${COMPONENT_LABELS[component]} ${version}`;
  if (s.status === 'supported') return { status: 'supported' };
  if (s.status === 'unknown') {
    const why = s.note ?? 'its release line has no dated end of support in the table';
    return { status: 'unknown', reason: `the support window of ${label} is not known on ${date}: ${why}${s.source ? ` (${s.source})` : ''}` };
  }
  const when = s.status === 'ended' ? 'ended' : 'ends';
  const detail = `support ${when} ${s.endOfSupport} (${s.source}${s.note ? `; ${s.note}` : ''}); evaluated on ${date}`;
  return { status: s.status, rule: s.status === 'ended' ? Rules.supportEnded : Rules.supportEnding, fix: fixFor(component, date), detail };
}

/**
 * The release lines of `component` still supported, not ending, on `date`, in table order.
 * @internal
 */
export function supportedLines(component: SupportComponent, date: EvaluationDate): string[] {
  return SUPPORT_WINDOWS.filter((w) => w.component === component && supportStatus(component, w.line, startOfDay(date), SUPPORT_WARNING_DAYS).status === 'supported').map((w) => w.line);
}

const SUPPORT_SOURCES = {
  istio: S.istioSupportedReleases,
  'cert-manager': S.certManagerReleases,
  calico: S.calicoSupportedVersions,
  'flux-extension': S.fluxExtensionReleaseNotes,
} as const;

function fixFor(component: SupportComponent, date: EvaluationDate): string {
  const lines = supportedLines(component, date);
  const choose = lines.length > 0 ? `: ${lines.join(', ')}` : '';
  switch (component) {
    case 'aks-kubernetes':
      return `upgrade to a Kubernetes minor Microsoft supports past the next ${SUPPORT_WARNING_DAYS} days${choose} (az aks get-upgrades; https://learn.microsoft.com/azure/aks/upgrade-aks-cluster), or move to long-term support`;
    case 'aks-istio-addon':
      return `upgrade to a supported revision${choose} (a canary upgrade: https://learn.microsoft.com/azure/aks/istio-upgrade)`;
    // The newest lines of these end at releases not yet dated, so the table cannot list them as supported.
    case 'istio':
    case 'cert-manager':
    case 'calico':
      return `pin a release of a minor its owner still supports (${SUPPORT_SOURCES[component]})`;
    case 'flux-extension':
      return `pin one of the three newest releases (${SUPPORT_SOURCES[component]})`;
    case 'arm-api-version':
      return 'use a stable API version of the resource type';
  }
}
