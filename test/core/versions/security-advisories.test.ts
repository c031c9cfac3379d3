import { expect, test } from 'vitest';
import {
  checkPinnedSupport,
  EstateModel,
  isEvaluationDate,
  ISTIO_DEFAULT_RELEASE,
  judgeAdvisories,
  libraryPins,
  PINNED_VERSIONS,
  RegulatedPlatformModel,
  Rules,
  SECURITY_ADVISORIES,
  SecureAksValidationError,
  validateEstate,
  validateRegulatedPlatform,
} from '../../../lib';
import { props as ESTATE } from '../../../examples/estate/definition';
import { PLATFORM } from '../../support/platform-fixtures';

const VER_004 = Rules.securityFixPublished.id;
/** ISTIO-SECURITY-2026-006 was published on 2026-08-26. */
const BEFORE = '2026-08-25';
const PUBLISHED = '2026-08-26';
const AFTER = '2026-12-07';

/** The SAKS-VER-004 findings on one Istio pin, as [property, value, fix]. */
function onIstio(version: string, date: string) {
  const r = checkPinnedSupport([{ component: 'istio', version, property: 'versions.istio' }], date);
  return {
    failed: r.violations.filter((v) => v.rule.id === VER_004).map((v) => [v.property, v.value, v.fix]),
    undecided: r.undecided.filter((u) => u.rule.id === VER_004).map((u) => u.reason),
  };
}

test('every advisory row is dated, links its page, and names one first fixed patch per line', () => {
  for (const a of SECURITY_ADVISORIES) {
    expect(isEvaluationDate(a.published), a.id).toBe(true);
    expect(a.url).toMatch(/^https:\/\//);
    expect(a.fixedIn.every((f) => /^\d+\.\d+\.\d+$/.test(f)), a.id).toBe(true);
    const lines = a.fixedIn.map((f) => f.split('.').slice(0, 2).join('.'));
    expect(new Set(lines).size, a.id).toBe(lines.length);
  }
  expect(SECURITY_ADVISORIES.find((a) => a.id === 'ISTIO-SECURITY-2026-006')).toMatchObject({ component: 'istio', published: PUBLISHED, fixedIn: ['1.29.7', '1.30.4'] });
});

test('a pin below the first fixed patch of its line fails from the day the advisory is published, with the patch to pin', () => {
  expect(onIstio('1.30.3', AFTER).failed).toEqual([['versions.istio', '1.30.3', 'pin 1.30.4 or later']]);
  expect(onIstio('1.30.0', PUBLISHED).failed).toEqual([['versions.istio', '1.30.0', 'pin 1.30.4 or later']]);
  expect(onIstio('1.29.6', AFTER).failed).toEqual([['versions.istio', '1.29.6', 'pin 1.29.7 or later']]);
  const detail = checkPinnedSupport([{ component: 'istio', version: '1.30.3', property: 'versions.istio' }], AFTER).violations.find((v) => v.rule.id === VER_004)!.detail;
  expect(detail).toContain('ISTIO-SECURITY-2026-006');
  expect(detail).toContain('https://istio.io/latest/news/security/istio-security-2026-006/');
  expect(detail).toContain(`evaluated on ${AFTER}`);
});

test('before the advisory is published, the same pin passes', () => {
  expect(onIstio('1.30.3', BEFORE)).toEqual({ failed: [], undecided: [] });
  expect(judgeAdvisories('istio', '1.30.3', BEFORE)).toEqual({ status: 'fixed', checked: [] });
});

test('the fixed patch, later patches and lines the advisory does not list pass', () => {
  for (const version of ['1.30.4', '1.30.5', '1.29.7', '1.31.0', '1.31.1', 'v1.30.4']) {
    expect(onIstio(version, AFTER), version).toEqual({ failed: [], undecided: [] });
  }
});

test('a line older than every listed one fails, as the advisory says older releases are affected', () => {
  expect(onIstio('1.28.9', AFTER).failed).toEqual([['versions.istio', '1.28.9', 'pin a release of a fixed line: 1.29.7 or later, 1.30.4 or later']]);
});

test('a version that names no patch is undecided once an advisory applies, never passed or failed', () => {
  for (const version of ['1.30', '1.31.0-rc.0', '${ISTIO_VERSION}', '']) {
    const r = onIstio(version, AFTER);
    expect(r.failed, version).toEqual([]);
    expect(r.undecided, version).toEqual([expect.stringContaining('ISTIO-SECURITY-2026-006')]);
  }
  expect(judgeAdvisories('istio', '1.30', BEFORE)).toEqual({ status: 'fixed', checked: [] });
  // Components without an advisory are not judged.
  expect(judgeAdvisories('cert-manager', 'v1.21.1', AFTER)).toEqual({ status: 'fixed', checked: [] });
});

test('the default Istio pin carries the fix, as do the library\'s own pins', () => {
  expect(PINNED_VERSIONS.istio).toBe(ISTIO_DEFAULT_RELEASE);
  expect(judgeAdvisories('istio', ISTIO_DEFAULT_RELEASE, AFTER)).toEqual({ status: 'fixed', checked: ['ISTIO-SECURITY-2026-006'] });
  expect(libraryPins().find((p) => p.component === 'istio')?.version).toBe(ISTIO_DEFAULT_RELEASE);
  expect(checkPinnedSupport(libraryPins(), AFTER).violations.filter((v) => v.rule.id === VER_004)).toEqual([]);
});

test('a platform and an estate pinning Istio 1.30.3 stop with the library\'s error; their defaults pass', () => {
  const on = { evaluationDate: AFTER };
  const vulnerable = { versions: { istio: '1.30.3' } };
  const ver004 = (v: { errors: readonly { rule: { id: string }; property: string }[] }) => v.errors.filter((e) => e.rule.id === VER_004).map((e) => e.property);
  expect(ver004(validateRegulatedPlatform({ ...PLATFORM, ...vulnerable }, on))).toEqual(['versions.istio']);
  expect(() => RegulatedPlatformModel.build({ ...PLATFORM, ...vulnerable }, on)).toThrow(SecureAksValidationError);
  expect(ver004(validateRegulatedPlatform(PLATFORM, on))).toEqual([]);
  expect(ver004(validateEstate({ ...ESTATE, ...vulnerable }, on))).toEqual(['versions.istio']);
  expect(() => EstateModel.build({ ...ESTATE, ...vulnerable }, on)).toThrow(/SAKS-VER-004/);
  expect(ver004(validateEstate(ESTATE, on))).toEqual([]);
  // On the AKS Istio add-on no upstream Istio is installed: its pin is not judged.
  expect(ver004(validateRegulatedPlatform({ ...PLATFORM, ...vulnerable, meshDistribution: 'aksIstioAddon' }, on))).toEqual([]);
});

test('several advisories on one line ask for the highest first fixed patch; one published later counts only from its day', () => {
  const base = SECURITY_ADVISORIES[0];
  const later = { ...base, id: 'ISTIO-SECURITY-2026-099', published: '2026-10-01', fixedIn: ['1.30.6'], olderLinesAffected: false };
  const table = [base, later];
  expect(judgeAdvisories('istio', '1.30.4', '2026-09-30', table)).toEqual({ status: 'fixed', checked: ['ISTIO-SECURITY-2026-006'] });
  expect(judgeAdvisories('istio', '1.30.4', '2026-10-01', table)).toMatchObject({ status: 'unfixed', fix: 'pin 1.30.6 or later' });
  expect(judgeAdvisories('istio', '1.30.3', '2026-10-01', table)).toMatchObject({ status: 'unfixed', fix: 'pin 1.30.6 or later', detail: expect.stringContaining('ISTIO-SECURITY-2026-099') });
  expect(judgeAdvisories('istio', '1.30.6', '2026-10-01', table)).toEqual({ status: 'fixed', checked: ['ISTIO-SECURITY-2026-006', 'ISTIO-SECURITY-2026-099'] });
  // 1.29 is not listed by the later advisory, and is not older than its lines: only the first applies.
  expect(judgeAdvisories('istio', '1.29.6', '2026-10-01', table)).toMatchObject({ status: 'unfixed', fix: 'pin 1.29.7 or later' });
});
