import { ApiVersions } from '../arm/api-versions';
import { CALICO_CRD_SCHEMAS } from '../encryption/calico-crd-schemas.generated';
import { FLUX_EXTENSION_VERSION } from '../gitops/flux-extension';
import { CERT_MANAGER_SCHEMA_VERSION } from '../mesh/cert-manager-schema';
import { ISTIO_SCHEMA_VERSION } from '../mesh/istio-schemas';
import { Violation } from '../validation/violation';
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
 * A pin whose support window is not known on the evaluation date, and why.
 * @category Support windows
 */
export interface UndecidedPin {
  readonly pin: PinnedComponentVersion;
  readonly reason: string;
}

/**
 * What the support windows say of a set of pins on one date.
 * @category Support windows
 */
export interface PinnedSupport {
  /** SAKS-VER-001 for a pin whose support is ending, SAKS-VER-002 for one whose support has ended. */
  readonly violations: readonly Violation[];
  /** Pins the table cannot date: neither passed nor failed. */
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
 * The versions the library itself installs or writes: upstream Istio and
 * cert-manager (the schemas it ships), Calico (its FelixConfiguration
 * schema), the microsoft.flux extension, and every preview ARM API version.
 * The AKS Istio add-on revision is judged on each cluster's payload, where it is written.
 * @category Support windows
 */
export function libraryPins(): PinnedComponentVersion[] {
  const previews = (Object.entries(ApiVersions) as [keyof typeof ApiVersions, string][])
    .filter(([, version]) => version.endsWith('-preview'))
    .map(([key, version]): PinnedComponentVersion => ({ component: 'arm-api-version', version: `${PREVIEW_API_TYPES[key] ?? key}@${version}`, property: `ApiVersions.${key}` }));
  return [
    { component: 'istio', version: ISTIO_SCHEMA_VERSION, property: 'PINNED_VERSIONS.istio' },
    { component: 'cert-manager', version: CERT_MANAGER_SCHEMA_VERSION, property: 'PINNED_VERSIONS.certManager' },
    { component: 'calico', version: CALICO_CRD_SCHEMAS.version, property: 'CALICO_CRD_SCHEMAS.version' },
    FLUX_EXTENSION_PIN,
    ...previews,
  ];
}

/**
 * Judges each pin on `date` by the one support table, as the cluster rules judge what a cluster runs.
 * @category Support windows
 */
export function checkPinnedSupport(pins: readonly PinnedComponentVersion[], date: EvaluationDate): PinnedSupport {
  const violations: Violation[] = [];
  const undecided: UndecidedPin[] = [];
  for (const pin of pins) {
    const judged = judgeSupport(pin.component, pin.version, date);
    if (judged.status === 'unknown') undecided.push({ pin, reason: judged.reason });
    else if (judged.status !== 'supported') violations.push({ rule: judged.rule, property: pin.property, value: pin.version, fix: judged.fix, detail: judged.detail });
  }
  return { violations, undecided };
}
