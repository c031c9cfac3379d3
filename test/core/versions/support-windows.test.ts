import { expect, test } from 'vitest';
import { AKS_ISTIO_REVISIONS, ApiVersions, PINNED_VERSIONS } from '../../../lib';
import { CALICO_CRD_SCHEMAS } from '../../../lib/core/encryption/calico-crd-schemas.generated';
import { FLUX_EXTENSION_VERSION } from '../../../lib/core/gitops/flux-extension';
import { releaseLine } from '../../../lib/core/versions/release-line';
import { SUPPORT_WINDOWS, supportEndsAt, supportStatus, UNDATED_SUPPORT } from '../../../lib/core/versions/support-windows';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const TODAY = utc(2026, 12, 7);

test('a month-only end means the last day of that month; a date means that day', () => {
  expect(supportEndsAt('2026-12').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  expect(supportEndsAt('2025-08-22').toISOString()).toBe('2025-08-23T00:00:00.000Z');
  expect(supportEndsAt('2026-02').toISOString()).toBe('2026-03-01T00:00:00.000Z');
});

test('supported, then ending within warnDays before the end, then ended the day after it', () => {
  // AKS 1.35: end of life March 2027, i.e. through 2027-03-31.
  expect(supportStatus('aks-kubernetes', '1.35.4', TODAY)).toMatchObject({ status: 'supported', endOfSupport: '2027-03' });
  expect(supportStatus('aks-kubernetes', '1.35', utc(2026, 12, 31)).status).toBe('supported');
  expect(supportStatus('aks-kubernetes', '1.35', utc(2027, 1, 1)).status).toBe('ending');
  expect(supportStatus('aks-kubernetes', '1.35', new Date(Date.UTC(2027, 2, 31, 23, 59))).status).toBe('ending');
  expect(supportStatus('aks-kubernetes', '1.35', utc(2027, 4, 1)).status).toBe('ended');
  // warnDays moves the start of 'ending'.
  expect(supportStatus('aks-kubernetes', '1.35', TODAY, 120).status).toBe('ending');
  expect(supportStatus('aks-kubernetes', '1.35', utc(2027, 3, 1), 7).status).toBe('supported');
  // An explicit day: 1.30's standard support ended on 2025-08-22.
  expect(supportStatus('aks-kubernetes', '1.30.14', utc(2025, 8, 22)).status).toBe('ending');
  expect(supportStatus('aks-kubernetes', '1.30.14', utc(2025, 8, 23)).status).toBe('ended');
  expect(supportStatus('aks-kubernetes', '1.34', TODAY)).toMatchObject({ status: 'ended', note: 'LTS until 2027-11' });
});

test('unknown when the table has no date: no row, an undated line (with its source and why), or a version of another form', () => {
  expect(supportStatus('aks-kubernetes', '1.38', TODAY)).toEqual({ status: 'unknown' });
  expect(supportStatus('aks-kubernetes', 'latest', TODAY)).toEqual({ status: 'unknown' });
  expect(supportStatus('aks-istio-addon', '1.30', TODAY)).toEqual({ status: 'unknown' });
  const undated = supportStatus('cert-manager', 'v1.21.0', TODAY);
  expect(undated).toEqual({ status: 'unknown', source: 'https://cert-manager.io/docs/releases/', note: 'supported until the release of 1.23, not yet dated' });
  expect(undated.endOfSupport).toBeUndefined();
});

test('a minor older than the table has ended once the table\'s oldest line has: support ends in minor order', () => {
  // AKS 1.29, the oldest row, ended in March 2025; 1.28 and 1.9 ended at the latest then.
  expect(supportStatus('aks-kubernetes', '1.28.5', TODAY)).toEqual({
    status: 'ended',
    endOfSupport: '2025-03',
    source: 'https://learn.microsoft.com/azure/aks/supported-kubernetes-versions#aks-kubernetes-release-calendar-and-upcoming-versions',
    note: 'older than 1.29, whose support ended 2025-03: ended at the latest then',
  });
  expect(supportStatus('aks-kubernetes', '1.9.6', TODAY).status).toBe('ended');
  // Before the oldest row ends, nothing is said of an older minor.
  expect(supportStatus('aks-kubernetes', '1.28', utc(2025, 3, 31))).toEqual({ status: 'unknown' });
  // Istio's oldest dated minor, 1.28, ends 2026-06-29: 1.22 is undecided before, ended after.
  expect(supportStatus('istio', '1.22.0', utc(2026, 6, 29)).status).toBe('unknown');
  expect(supportStatus('istio', '1.22.0', utc(2026, 6, 30)).status).toBe('ended');
  // Calico's oldest dated minor, 3.29, lost its support on 2025-10-21: 3.20 had too, at the latest then.
  expect(supportStatus('calico', 'v3.20.0', TODAY)).toMatchObject({ status: 'ended', endOfSupport: '2025-10-21' });
  // A component that does not end in minor order says nothing.
  expect(supportStatus('flux-extension', '1.0.0', TODAY)).toEqual({ status: 'unknown' });
});

test('Istio\'s ends are computed from its policy: six weeks after the N+2 minor', () => {
  // 1.30.0 on 2026-05-18 and 1.31.0 on 2026-08-20 (istio.io announcements).
  expect(supportStatus('istio', '1.28.6', TODAY)).toMatchObject({ status: 'ended', endOfSupport: '2026-06-29' });
  expect(supportStatus('istio', '1.29.7', utc(2026, 10, 1))).toMatchObject({ status: 'ending', endOfSupport: '2026-10-01' });
  expect(supportStatus('istio', '1.29.7', utc(2026, 10, 2)).status).toBe('ended');
});

test('Calico drops a minor\'s support when the second minor after it is released', () => {
  // 3.32.0 on 2026-04-30 (its release notes): 3.30 is supported through that day.
  expect(supportStatus('calico', 'v3.30.7', utc(2026, 1, 15)).status).toBe('supported');
  expect(supportStatus('calico', 'v3.30.7', utc(2026, 4, 30))).toMatchObject({ status: 'ending', endOfSupport: '2026-04-30', source: expect.stringContaining('projectcalico/calico') });
  expect(supportStatus('calico', 'v3.30.7', utc(2026, 5, 1)).status).toBe('ended');
  expect(supportStatus('calico', 'v3.30.7', utc(2026, 5, 1)).note).toContain('v3.32.0-release-notes.md');
  // The two newest minors wait on releases not in the material read.
  expect(supportStatus('calico', 'v3.32.1', TODAY)).toMatchObject({ status: 'unknown', note: expect.stringContaining('3.34.0') });
});

test('a microsoft.flux release ends when the third newer release is published (Microsoft supports N-2)', () => {
  // The library's earlier pin: out once 1.18.2, 1.18.4 and 1.18.5 were out.
  expect(supportStatus('flux-extension', '1.17.3', TODAY)).toMatchObject({ status: 'ended', endOfSupport: '2025-12-15' });
  expect(supportStatus('flux-extension', '1.20.4', utc(2026, 5, 1)).status).toBe('ending');
  expect(supportStatus('flux-extension', '1.23.1', utc(2026, 8, 11))).toMatchObject({ status: 'ended', endOfSupport: '2026-08-10' });
  // The three newest have no end yet: it depends on releases the notes read do not list.
  const newest = UNDATED_SUPPORT.filter((u) => u.component === 'flux-extension').map((u) => u.line);
  expect(newest).toHaveLength(3);
  for (const release of newest) expect(supportStatus('flux-extension', release, TODAY).status).toBe('unknown');
});

test('the pins the library ships at 2026-12-07: none ended, and what is not dated says so', () => {
  const pins = [
    ['flux-extension', FLUX_EXTENSION_VERSION],
    ['istio', PINNED_VERSIONS.istio],
    ['aks-istio-addon', PINNED_VERSIONS.aksIstioRevision],
    ['cert-manager', PINNED_VERSIONS.certManager],
    ['calico', CALICO_CRD_SCHEMAS.version],
  ] as const;
  for (const [component, version] of pins) {
    expect(releaseLine(component, version), `${component} ${version}`).toBeDefined();
    expect(supportStatus(component, version, TODAY).status, `${component} ${version}`).not.toBe('ended');
  }
  // The Flux pin is the newest release the table knows.
  expect(UNDATED_SUPPORT.filter((u) => u.component === 'flux-extension').at(-1)!.line).toBe(FLUX_EXTENSION_VERSION);
  expect(supportStatus('flux-extension', FLUX_EXTENSION_VERSION, TODAY)).toMatchObject({ status: 'unknown', source: expect.stringContaining('flux-gitops-release-notes') });
  // The add-on's newest revision reaches its expected end of life this month...
  expect(supportStatus('aks-istio-addon', PINNED_VERSIONS.aksIstioRevision, TODAY)).toMatchObject({ status: 'ending', endOfSupport: '2026-12' });
  // ...was supported three months before, and is over in January.
  expect(supportStatus('aks-istio-addon', PINNED_VERSIONS.aksIstioRevision, utc(2026, 9, 1)).status).toBe('supported');
  expect(supportStatus('aks-istio-addon', PINNED_VERSIONS.aksIstioRevision, utc(2027, 1, 1)).status).toBe('ended');
  // Istio, cert-manager and Calico end at releases not dated in the material read.
  expect(supportStatus('istio', PINNED_VERSIONS.istio, TODAY)).toMatchObject({ status: 'unknown', note: expect.stringContaining('1.32.0') });
  expect(supportStatus('cert-manager', PINNED_VERSIONS.certManager, TODAY)).toMatchObject({ status: 'unknown', note: expect.stringContaining('1.23') });
  expect(supportStatus('calico', CALICO_CRD_SCHEMAS.version, TODAY)).toMatchObject({ status: 'unknown', note: expect.stringContaining('3.33.0'), source: expect.stringContaining('SECURITY.md') });
});

test('every preview ARM API version the library pins has a line in the table, with Azure\'s policy as its source', () => {
  const previews = Object.values(ApiVersions).filter((v) => v.endsWith('-preview'));
  expect(previews.length).toBeGreaterThan(0);
  const lines = [...SUPPORT_WINDOWS, ...UNDATED_SUPPORT].filter((w) => w.component === 'arm-api-version');
  for (const version of previews) {
    const line = lines.find((l) => l.line.endsWith(`@${version}`));
    expect(line, version).toBeDefined();
    expect(releaseLine('arm-api-version', line!.line)).toBe(line!.line);
    expect(supportStatus('arm-api-version', line!.line, TODAY)).toMatchObject({ status: 'unknown', source: expect.stringContaining('azure-service-sdk-tool-versioning') });
  }
});

test('the table: one entry per line, well-formed dates, public sources, and the add-on rows are the add-on\'s calendar', () => {
  const all = [...SUPPORT_WINDOWS, ...UNDATED_SUPPORT];
  const keys = all.map((w) => `${w.component} ${w.line}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const w of all) {
    expect(w.source, keys.join()).toMatch(/^https:\/\//);
    expect(releaseLine(w.component, w.line), `${w.component} ${w.line}`).toBe(w.line);
  }
  for (const w of SUPPORT_WINDOWS) {
    expect(w.endOfSupport).toMatch(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/);
    expect(Number.isNaN(supportEndsAt(w.endOfSupport).getTime())).toBe(false);
  }
  const addon = SUPPORT_WINDOWS.filter((w) => w.component === 'aks-istio-addon');
  expect(addon.map((w) => [w.line, w.endOfSupport])).toEqual(AKS_ISTIO_REVISIONS.map((r) => [r.revision, r.endOfLife]));
  expect(addon.filter((w) => w.note).map((w) => w.line)).toEqual(['asm-1-28', 'asm-1-29', 'asm-1-30']);
});
