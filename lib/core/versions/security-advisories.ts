import { EvaluationDate } from './evaluation-date';
import { SupportComponent } from './release-line';

/**
 * A security advisory its owner fixed in later patches of the affected
 * release lines, as the advisory itself states them.
 * @category Support windows
 */
export interface SecurityAdvisory {
  readonly component: SupportComponent;
  /** The owner's identifier, e.g. `ISTIO-SECURITY-2026-006`. */
  readonly id: string;
  /** The advisory's page. */
  readonly url: string;
  /** The day the owner published it, `YYYY-MM-DD` (UTC): the rule applies from that day on. */
  readonly published: EvaluationDate;
  /** The first patch that fixes it in each affected release line, as the advisory lists them (`1.30.4`: line 1.30 is fixed from 1.30.4 on). */
  readonly fixedIn: readonly string[];
  /** Whether the advisory says lines older than every listed one are affected too (with no fix in their line). */
  readonly olderLinesAffected: boolean;
  /** What the advisory says it fixes, and how its facts were read. */
  readonly note: string;
}

/**
 * The published security fixes the library knows, newest last. Add a row when
 * an owner publishes an advisory for a component the library installs; record
 * only what the advisory states (affected lines, first fixed patch, date).
 * @category Support windows
 */
export const SECURITY_ADVISORIES: readonly SecurityAdvisory[] = [
  {
    component: 'istio',
    id: 'ISTIO-SECURITY-2026-006',
    url: 'https://istio.io/latest/news/security/istio-security-2026-006/',
    // The date of the bulletin's and the release notes' English pages
    // (https://istio.io/latest/news/releases/1.30.x/announcing-1.30.4/); their
    // translations give 2026-08-27. The earlier day is kept: the fix existed from then.
    published: '2026-08-26',
    // Affected, by the bulletin: 1.29.0 to 1.29.6 and 1.30.0 to 1.30.3. It does not list 1.31.
    fixedIn: ['1.29.7', '1.30.4'],
    olderLinesAffected: true,
    note: '13 Envoy CVEs (among them RBAC bypasses and use-after-free crashes), BackendTLSPolicy failing open to plaintext on sidecars (GHSA-qm8v-g4f9-qhjx), and a denial of service of istiod through EnvoyFilter proxyVersion; "older, unsupported Istio releases are also affected"',
  },
];
