import { AKS_ISTIO_REVISIONS } from '../mesh/aks-istio-revisions';
import { Sources as S } from '../validation/sources';
import { releaseLine, SupportComponent } from './release-line';
import { SUPPORT_WARNING_DAYS } from './support-warning-days';

/**
 * One release line's end of support, as its owner publishes it.
 * `endOfSupport` is `YYYY-MM-DD`, or `YYYY-MM` when the owner gives only a
 * month (then the line is supported through the last day of that month, as
 * Microsoft's AKS calendar defines it).
 * @category Support windows
 */
export interface SupportWindow {
  readonly component: SupportComponent;
  readonly line: string;
  readonly endOfSupport: string;
  readonly source: string;
  readonly note?: string;
}

/**
 * A release line the owner supports until an event, not a date (the release
 * of a later version), where that event is not dated in the sources read. The
 * evaluation says 'unknown' for it, with the source and why: never a guess.
 * @category Support windows
 */
export interface UndatedSupport {
  readonly component: SupportComponent;
  readonly line: string;
  readonly source: string;
  readonly note: string;
}

const AKS_CALENDAR = S.aksKubernetesCalendar;
const ISTIO_ADDON_CALENDAR = S.istioAddonCalendar;
const ISTIO_SUPPORT = S.istioSupportedReleases;
const CERT_MANAGER_SUPPORT = S.certManagerReleases;
const CALICO_SUPPORT = S.calicoSupportedVersions;
const FLUX_NOTES = S.fluxExtensionReleaseNotes;
const AZURE_API_VERSIONING = S.azurePreviewApiVersions;

/**
 * AKS Kubernetes minors, standard tier, from Microsoft's calendar (its
 * revision of 2026-08-05, the newest read). Long-term support is a paid
 * option with later ends, given in the note.
 */
const AKS_KUBERNETES: readonly SupportWindow[] = (
  [
    ['1.29', '2025-03', 'LTS until 2026-04'],
    ['1.30', '2025-08-22', 'LTS until 2026-07'],
    ['1.31', '2025-11-01', 'LTS until 2026-11'],
    ['1.32', '2026-03', 'LTS until 2027-03'],
    ['1.33', '2026-07', 'LTS until 2027-07'],
    ['1.34', '2026-11', 'LTS until 2027-11'],
    ['1.35', '2027-03', 'LTS until 2028-03'],
    ['1.36', '2027-06', 'LTS until 2028-06'],
    ['1.37', '2027-10', 'GA on AKS October 2026; LTS until 2028-10'],
  ] as const
).map(([line, endOfSupport, note]) => ({ component: 'aks-kubernetes' as const, line, endOfSupport, source: AKS_CALENDAR, note }));

/** The add-on's revisions: read from the one table the add-on's validation uses. */
const AKS_ISTIO_ADDON: readonly SupportWindow[] = AKS_ISTIO_REVISIONS.map((r) => ({
  component: 'aks-istio-addon' as const,
  line: r.revision,
  endOfSupport: r.endOfLife,
  source: ISTIO_ADDON_CALENDAR,
  ...(r.endOfLifeExpected ? { note: 'an expected month: Microsoft may move it' } : {}),
}));

/**
 * Istio supports a minor until six weeks after the N+2 minor is released, so
 * each row is computed from a release date. Minors are dated here by their
 * announcement on istio.io; 1.32.0 is not in the material read (its newest
 * releases are 1.31.1 and 1.30.5, of 2026-09-21), so 1.30 and 1.31 are undated.
 */
const ISTIO_MINOR_RELEASES: readonly { readonly minor: number; readonly released: string; readonly source: string }[] = [
  { minor: 30, released: '2026-05-18', source: 'https://istio.io/latest/news/releases/1.30.x/announcing-1.30/' },
  { minor: 31, released: '2026-08-20', source: 'https://istio.io/latest/news/releases/1.31.x/announcing-1.31/' },
];
const SIX_WEEKS_MS = 42 * 24 * 3600 * 1000;
const ISTIO: readonly SupportWindow[] = ISTIO_MINOR_RELEASES.map((r) => ({
  component: 'istio' as const,
  line: `1.${r.minor - 2}`,
  endOfSupport: new Date(Date.parse(`${r.released}T00:00:00Z`) + SIX_WEEKS_MS).toISOString().slice(0, 10),
  source: ISTIO_SUPPORT,
  note: `six weeks after 1.${r.minor}.0 (${r.released}, ${r.source})`,
}));

/** cert-manager supports its two newest minors; ends of those before are dated on its releases page (revision of 2026-07-08). */
const CERT_MANAGER: readonly SupportWindow[] = (
  [
    ['1.17', '2025-10-07'],
    ['1.18', '2026-03-10'],
    ['1.19', '2026-07-08'],
  ] as const
).map(([line, endOfSupport]) => ({ component: 'cert-manager' as const, line, endOfSupport, source: CERT_MANAGER_SUPPORT }));

/**
 * Calico Open Source: Tigera supports the two newest minors, and drops the
 * automatic support of a minor when the second minor after it is released
 * (older ones only case by case), so each row ends at a release. Minors are
 * dated by their release notes; 3.33.0 is not in the material read (the
 * repository of 2026-08-22, whose newest releases are 3.32.1 and 3.31.7), so
 * 3.31 and 3.32 are undated.
 */
const CALICO_MINOR_RELEASES: readonly { readonly minor: number; readonly released: string }[] = [
  { minor: 31, released: '2025-10-21' },
  { minor: 32, released: '2026-04-30' },
];
const calicoReleaseNotes = (minor: number) => `https://github.com/projectcalico/calico/blob/v3.${minor}.0/release-notes/v3.${minor}.0-release-notes.md`;
const CALICO: readonly SupportWindow[] = CALICO_MINOR_RELEASES.map((r) => ({
  component: 'calico' as const,
  line: `3.${r.minor - 2}`,
  endOfSupport: r.released,
  source: CALICO_SUPPORT,
  note: `automatic support dropped when 3.${r.minor}.0 was released (${r.released}, ${calicoReleaseNotes(r.minor)}); later fixes only case by case`,
}));

/**
 * `microsoft.flux` releases in order, dated by the day their notes were
 * published (MicrosoftDocs/azure-management-docs history; a release can take
 * days to reach every region). Microsoft supports the newest and the two before
 * it, so a release's support ends when the third newer one is published.
 */
const FLUX_EXTENSION_RELEASES: readonly (readonly [release: string, notesPublished: string])[] = [
  ['1.17.3', '2025-09-16'],
  ['1.18.2', '2025-10-17'],
  ['1.18.4', '2025-11-25'],
  ['1.18.5', '2025-12-15'],
  ['1.19.5', '2026-02-18'],
  ['1.20.4', '2026-03-23'],
  ['1.21.0', '2026-04-01'],
  ['1.21.1', '2026-04-30'],
  ['1.22.1', '2026-05-26'],
  ['1.22.2', '2026-05-26'],
  ['1.23.0', '2026-06-11'],
  ['1.23.1', '2026-07-02'],
  ['1.23.3', '2026-07-13'],
  ['1.24.0', '2026-07-22'],
  ['1.24.1', '2026-08-10'],
];
const FLUX_EXTENSION: readonly SupportWindow[] = FLUX_EXTENSION_RELEASES.slice(0, -3).map(([release], i) => {
  const [third, published] = FLUX_EXTENSION_RELEASES[i + 3];
  return {
    component: 'flux-extension' as const,
    line: release,
    endOfSupport: published,
    source: FLUX_NOTES,
    note: `out of the newest three when ${third} was published; at the latest, if a release the notes omit came earlier`,
  };
});

/**
 * Every dated end of support the library knows, one row per release line.
 * @category Support windows
 */
export const SUPPORT_WINDOWS: readonly SupportWindow[] = [...AKS_KUBERNETES, ...AKS_ISTIO_ADDON, ...ISTIO, ...CERT_MANAGER, ...CALICO, ...FLUX_EXTENSION];

/**
 * Release lines whose end the owners tie to an event not yet dated in the sources read.
 * @category Support windows
 */
export const UNDATED_SUPPORT: readonly UndatedSupport[] = [
  ...FLUX_EXTENSION_RELEASES.slice(-3).map(([release]) => ({
    component: 'flux-extension' as const,
    line: release,
    source: FLUX_NOTES,
    note: 'supported while among the three newest releases; the notes read (revision of 2026-08-10) list none newer than 1.24.1',
  })),
  { component: 'istio', line: '1.30', source: ISTIO_SUPPORT, note: 'supported until six weeks after 1.32.0, which the material read does not date' },
  { component: 'istio', line: '1.31', source: ISTIO_SUPPORT, note: 'supported until six weeks after 1.33.0, which the material read does not date' },
  { component: 'cert-manager', line: '1.20', source: CERT_MANAGER_SUPPORT, note: 'supported until the release of 1.22 (upcoming "~Nov 2026", not a firm date)' },
  { component: 'cert-manager', line: '1.21', source: CERT_MANAGER_SUPPORT, note: 'supported until the release of 1.23, not yet dated' },
  { component: 'calico', line: '3.31', source: CALICO_SUPPORT, note: 'supported until 3.33.0 is released, which the material read does not date' },
  { component: 'calico', line: '3.32', source: CALICO_SUPPORT, note: 'supported until 3.34.0 is released, which the material read does not date' },
  {
    component: 'arm-api-version',
    line: 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview',
    source: AZURE_API_VERSIONING,
    note: 'Azure retires a preview API version as early as 90 days after a newer preview or stable version is available; no newer version of diagnosticSettings was found (https://github.com/Azure/azure-rest-api-specs/issues/16697), and no retirement is announced',
  },
];

/**
 * What the table says of a version on a date.
 * @category Support windows
 */
export interface SupportStatus {
  readonly status: 'supported' | 'ending' | 'ended' | 'unknown';
  /** The end of support, as its owner gives it (`YYYY-MM-DD` or `YYYY-MM`). */
  readonly endOfSupport?: string;
  readonly source?: string;
  readonly note?: string;
}

const DAY_MS = 24 * 3600 * 1000;

/** Components whose owners support minors in order: an older minor's support never outlasts a newer one's. */
const MINORS_IN_ORDER: ReadonlySet<SupportComponent> = new Set(['aks-kubernetes', 'istio', 'cert-manager', 'calico']);

/**
 * A minor older than every dated line of its component, once the oldest of
 * them has ended: it ended too, at the latest when that one did (AKS, Istio,
 * cert-manager and Calico support their newest minors, so support ends in
 * minor order). Before that, or for another component, nothing is said.
 */
function olderThanTable(component: SupportComponent, line: string, at: Date): SupportStatus | undefined {
  if (!MINORS_IN_ORDER.has(component)) return undefined;
  const minorOf = (l: string) => l.split('.').map(Number);
  const [major, minor] = minorOf(line);
  const rows = SUPPORT_WINDOWS.filter((w) => w.component === component);
  const oldest = rows.reduce<SupportWindow | undefined>((o, w) => (o === undefined || compareMinor(minorOf(w.line), minorOf(o.line)) < 0 ? w : o), undefined);
  if (!oldest || compareMinor([major, minor], minorOf(oldest.line)) >= 0) return undefined;
  if (at.getTime() < supportEndsAt(oldest.endOfSupport).getTime()) return undefined;
  return { status: 'ended', endOfSupport: oldest.endOfSupport, source: oldest.source, note: `older than ${oldest.line}, whose support ended ${oldest.endOfSupport}: ended at the latest then` };
}

function compareMinor(a: readonly number[], b: readonly number[]): number {
  return a[0] - b[0] || a[1] - b[1];
}

/**
 * The first instant after the end of support: the day after it, or the first day after its month.
 * @category Support windows
 */
export function supportEndsAt(endOfSupport: string): Date {
  const [year, month, day] = endOfSupport.split('-').map(Number);
  return new Date(day === undefined ? Date.UTC(year, month, 1) : Date.UTC(year, month - 1, day + 1));
}

/**
 * The support status of `version` of `component` at `at`: 'ended' from the
 * first instant after its end of support, 'ending' in the `warnDays` before,
 * 'supported' earlier, and 'unknown' when the table has no date for its line
 * (with the source and the reason when the line is known but undated). A
 * minor older than the table is ended once the table's oldest line has ended.
 * @category Support windows
 */
export function supportStatus(component: SupportComponent, version: string, at: Date, warnDays = SUPPORT_WARNING_DAYS): SupportStatus {
  const line = releaseLine(component, version);
  const row = line === undefined ? undefined : SUPPORT_WINDOWS.find((w) => w.component === component && w.line === line);
  if (!row) {
    const undated = line === undefined ? undefined : UNDATED_SUPPORT.find((u) => u.component === component && u.line === line);
    if (undated) return { status: 'unknown', source: undated.source, note: undated.note };
    return (line === undefined ? undefined : olderThanTable(component, line, at)) ?? { status: 'unknown' };
  }
  const end = supportEndsAt(row.endOfSupport).getTime();
  const status = at.getTime() >= end ? 'ended' : at.getTime() >= end - warnDays * DAY_MS ? 'ending' : 'supported';
  return { status, endOfSupport: row.endOfSupport, source: row.source, ...(row.note ? { note: row.note } : {}) };
}
