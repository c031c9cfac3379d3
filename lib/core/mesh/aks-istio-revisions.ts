/**
 * The revisions of the AKS Istio add-on, with the end of life and the
 * compatible AKS minor versions Microsoft publishes for each. The one table
 * the library reads: revision validation, the add-on's support window, the
 * platform's default revision and the support windows all come from here. Add
 * a row when Microsoft releases a revision.
 *
 * As of the calendar's revision of 2026-06-24, still the newest in
 * MicrosoftDocs/azure-aks-docs of 2026-08-21 (commit fb060abe), asm-1-30
 * (AKS release July 2026) is the newest revision and no asm-1-31 is listed;
 * the ends of life from asm-1-28 on are Microsoft's expected months.
 * @see https://learn.microsoft.com/azure/aks/istio-support-policy#service-mesh-add-on-release-calendar
 * @category Istio add-on
 */
export const AKS_ISTIO_REVISIONS: readonly AksIstioRevision[] = [
  { revision: 'asm-1-25', istioMinor: 25, aksRelease: '2025-05', endOfLife: '2026-01', compatibleKubernetes: ['1.29', '1.30', '1.31', '1.32', '1.33'] },
  { revision: 'asm-1-26', istioMinor: 26, aksRelease: '2025-07', endOfLife: '2026-04', compatibleKubernetes: ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34'] },
  { revision: 'asm-1-27', istioMinor: 27, aksRelease: '2025-09', endOfLife: '2026-05', compatibleKubernetes: ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'] },
  // Microsoft gives the next three ends of life as expected months.
  { revision: 'asm-1-28', istioMinor: 28, aksRelease: '2026-01', endOfLife: '2026-08', endOfLifeExpected: true, compatibleKubernetes: ['1.30', '1.31', '1.32', '1.33', '1.34', '1.35'] },
  { revision: 'asm-1-29', istioMinor: 29, aksRelease: '2026-04', endOfLife: '2026-09', endOfLifeExpected: true, compatibleKubernetes: ['1.31', '1.32', '1.33', '1.34', '1.35', '1.36'] },
  { revision: 'asm-1-30', istioMinor: 30, aksRelease: '2026-07', endOfLife: '2026-12', endOfLifeExpected: true, compatibleKubernetes: ['1.32', '1.33', '1.34', '1.35', '1.36'] },
];

/**
 * One row of the add-on's release calendar.
 * @category Istio add-on
 */
export interface AksIstioRevision {
  /** The revision as AKS names it (`serviceMeshProfile.istio.revisions`). */
  readonly revision: string;
  /** The upstream Istio minor version it ships. */
  readonly istioMinor: number;
  /** The month AKS released the revision (`YYYY-MM`), from the same calendar. */
  readonly aksRelease: string;
  /** End of life, as year and month (`YYYY-MM`): the revision is unsupported after that month. */
  readonly endOfLife: string;
  /** Whether Microsoft gives `endOfLife` as an expected month ("~Dec 2026 (expected)") rather than a firm one. */
  readonly endOfLifeExpected?: boolean;
  /** AKS minor versions the revision runs on. */
  readonly compatibleKubernetes: readonly string[];
}

/**
 * The newest revision of the table: the platform's default.
 * @category Istio add-on
 */
export const NEWEST_AKS_ISTIO_REVISION: AksIstioRevision = AKS_ISTIO_REVISIONS[AKS_ISTIO_REVISIONS.length - 1];

/**
 * The row of `revision`, if the table has it.
 * @category Istio add-on
 */
export function aksIstioRevision(revision: string): AksIstioRevision | undefined {
  return AKS_ISTIO_REVISIONS.find((r) => r.revision === revision);
}
