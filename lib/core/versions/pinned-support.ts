import { ApiVersions } from '../arm/api-versions';
import { CALICO_CRD_SCHEMAS } from '../encryption/calico-crd-schemas.generated';
import { FLUX_EXTENSION_VERSION } from '../gitops/flux-extension';
import { CERT_MANAGER_SCHEMA_VERSION } from '../mesh/cert-manager-schema';
import { ISTIO_DEFAULT_RELEASE } from '../mesh/istio-release';
import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';
import { Violation } from '../validation/violation';
import { judgeAdvisories } from './advisory-judgement';
import { EvaluationDate } from './evaluation-date';
import { SupportComponent } from './release-line';
import { judgeSupport } from './support-judgement';

/**
 * A version a definition or the library pins, and where it is set.
 * @category Support windows
 */
export interface PinnedComponentVersion {
  readonly component: SupportComponent;
  readonly version: string;
  /** The definition's property (`versions.istio`), or the library constant that pins it. */
  readonly property: string;
}

/**
 * A pin a rule cannot judge on the evaluation date (its support window is not
 * known, or it names no patch a published fix can be compared with), and why.
 * @category Support windows
 */
export interface UndecidedPin {
  readonly pin: PinnedComponentVersion;
  /** SAKS-VER-001 and SAKS-VER-002 (the support windows), or SAKS-VER-004 (the published security fixes). */
  readonly rule: Rule;
  readonly reason: string;
}

/**
 * What the support windows and the published security fixes say of a set of pins on one date.
 * @category Support windows
 */
export interface PinnedSupport {
  /**
   * SAKS-VER-001 for a pin whose support is ending, SAKS-VER-002 for one whose
   * support has ended, SAKS-VER-004 for one older than a published security fix of its line.
   */
  readonly violations: readonly Violation[];
  /** Pins a rule cannot judge: neither passed nor failed. */
  readonly undecided: readonly UndecidedPin[];
}

/**
 * The preview ARM API versions the library writes, as `<type>@<version>`.
 * Each resource type named once here, beside the key of {@link ApiVersions}.
 */
const PREVIEW_API_TYPES: Readonly<Partial<Record<keyof typeof ApiVersions, string>>> = {
  diagnosticSettings: 'Microsoft.Insights/diagnosticSettings',
};

/**
 * The `microsoft.flux` extension release the library installs on GitOps-delivered clusters.
 * @internal
 */
export const FLUX_EXTENSION_PIN: PinnedComponentVersion = { component: 'flux-extension', version: FLUX_EXTENSION_VERSION, property: 'FLUX_EXTENSION_VERSION' };

/**
 * The versions the library itself installs or writes: upstream Istio (its
 * default release), cert-manager (the schemas it ships), Calico (its FelixConfiguration
 * schema), the microsoft.flux extension, and every preview ARM API version.
 * The AKS Istio add-on revision is judged on each cluster's payload, where it is written.
 * @category Support windows
 */
export function libraryPins(): PinnedComponentVersion[] {
  const previews = (Object.entries(ApiVersions) as [keyof typeof ApiVersions, string][])
    .filter(([, version]) => version.endsWith('-preview'))
    .map(([key, version]): PinnedComponentVersion => ({ component: 'arm-api-version', version: `${PREVIEW_API_TYPES[key] ?? key}@${version}`, property: `ApiVersions.${key}` }));
  return [
    { component: 'istio', version: ISTIO_DEFAULT_RELEASE, property: 'PINNED_VERSIONS.istio' },
    { component: 'cert-manager', version: CERT_MANAGER_SCHEMA_VERSION, property: 'PINNED_VERSIONS.certManager' },
    { component: 'calico', version: CALICO_CRD_SCHEMAS.version, property: 'CALICO_CRD_SCHEMAS.version' },
    FLUX_EXTENSION_PIN,
    ...previews,
  ];
}

/**
 * Judges each pin on `date` by the one support table, as the cluster rules
 * judge what a cluster runs, and by the published security fixes of its line.
 * @category Support windows
 */
export function checkPinnedSupport(pins: readonly PinnedComponentVersion[], date: EvaluationDate): PinnedSupport {
  const violations: Violation[] = [];
  const undecided: UndecidedPin[] = [];
  for (const pin of pins) {
    const judged = judgeSupport(pin.component, pin.version, date);
    if (judged.status === 'unknown') undecided.push({ pin, rule: Rules.supportEnded, reason: judged.reason });
    else if (judged.status !== 'supported') violations.push({ rule: judged.rule, property: pin.property, value: pin.version, fix: judged.fix, detail: judged.detail });
    const advised = judgeAdvisories(pin.component, pin.version, date);
    if (advised.status === 'unknown') undecided.push({ pin, rule: Rules.securityFixPublished, reason: advised.reason });
    else if (advised.status === 'unfixed') violations.push({ rule: Rules.securityFixPublished, property: pin.property, value: pin.version, fix: advised.fix, detail: advised.detail });
  }
  return { violations, undecided };
}
