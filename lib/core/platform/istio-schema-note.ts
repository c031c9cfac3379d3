import { ISTIO_DEFAULT_RELEASE } from '../mesh/istio-release';
import { ISTIO_SCHEMA_SOURCE, ISTIO_SCHEMA_VERSION } from '../mesh/istio-schemas';

/** The newest state of Istio's release branch of the schemas' minor that was compared with the schemas' tag. */
const RELEASE_BRANCH_CHECKED = { branch: 'release-1.30', upTo: '2026-08-21' };

/**
 * What the prerequisites page says of the Istio schemas the platform's objects
 * are checked against: the release installed, or, when another release is
 * installed, which release they come from, why, and what that leaves
 * unchecked. Markdown lines, ending with an empty line.
 * @internal
 */
export function istioSchemaNote(installed: string): string[] {
  if (installed === ISTIO_SCHEMA_VERSION) {
    return [`The Istio objects are checked against the CRD schemas of Istio ${installed}, the release installed (${ISTIO_SCHEMA_SOURCE}).`, ''];
  }
  const sameMinor = installed.split('.').slice(0, 2).join('.') === ISTIO_SCHEMA_VERSION.split('.').slice(0, 2).join('.');
  return [
    `**The Istio objects are checked against the CRD schemas of Istio ${ISTIO_SCHEMA_VERSION}, not of the ${installed} installed**`,
    `(${ISTIO_SCHEMA_SOURCE}). The library ships the schemas of one release, vendored at its tag by \`scripts/vendor-istio.sh\`;`,
    `${installed}'s own CRDs and istiod chart values were not read, so a change of either between the two releases is unchecked.`,
    ...(installed === ISTIO_DEFAULT_RELEASE
      ? [`${installed} is the default because it carries the fixes of ISTIO-SECURITY-2026-006 (https://istio.io/latest/news/security/istio-security-2026-006/);`, `the copy of istio/istio the schemas were vendored from has no ${installed} tag.`]
      : []),
    ...(sameMinor ? [`On Istio's \`${RELEASE_BRANCH_CHECKED.branch}\` branch they did not change from ${ISTIO_SCHEMA_VERSION} up to ${RELEASE_BRANCH_CHECKED.upTo}, the newest state read.`] : []),
    '',
  ];
}
