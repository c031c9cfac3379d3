/**
 * The Istio release the platform and the estate install by default
 * (`PINNED_VERSIONS.istio`): 1.30.4, the first 1.30 patch with the fixes of
 * ISTIO-SECURITY-2026-006 (SAKS-VER-004 fails 1.30.3 from the advisory's day on).
 *
 * The objects are checked against the CRD schemas of 1.30.3
 * (`ISTIO_SCHEMA_VERSION`, vendored by `scripts/vendor-istio.sh`): the copy of
 * istio/istio they were read from has no 1.30.4 tag (1.30.4 was released on
 * 2026-08-26, after it). On Istio's `release-1.30` branch the CRDs and chart
 * values did not change from 1.30.3 up to 2026-08-21, the newest state read;
 * what changed after that is unchecked. Vendoring the schemas at the 1.30.4
 * tag closes the gap; a test holds this release to the schemas' minor.
 * @see https://istio.io/latest/news/security/istio-security-2026-006/
 * @see https://istio.io/latest/news/releases/1.30.x/announcing-1.30.4/
 * @category Cross-cluster mTLS
 */
export const ISTIO_DEFAULT_RELEASE = '1.30.4';
