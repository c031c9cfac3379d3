import { afterEach, expect, test } from 'vitest';
import { AKS_ISTIO_REVISIONS, aksIstioRevision, isPastEndOfLife, revisionClock, Rules, validateHardenedCluster } from '../../../lib';
import { TEST_DATE } from '../../support/fixed-clock';

afterEach(() => {
  revisionClock.now = () => TEST_DATE;
});

const ids = (v: ReturnType<typeof validateHardenedCluster>) => [...v.errors, ...v.warnings].map((x) => `${x.rule.id} ${x.property}`);

test('a revision warns from the first day after its end-of-life month, not before', () => {
  const row = aksIstioRevision('asm-1-30')!;
  expect(row.endOfLife).toBe('2026-12');
  expect(isPastEndOfLife(row, new Date(Date.UTC(2026, 11, 31, 23, 59)))).toBe(false);
  expect(isPastEndOfLife(row, new Date(Date.UTC(2027, 0, 1)))).toBe(true);
  const props = { name: 'asm', location: 'westeurope', istioAddon: { revision: 'asm-1-30' } };
  revisionClock.now = () => new Date(Date.UTC(2026, 11, 15));
  expect(ids(validateHardenedCluster(props))).not.toContain(`${Rules.istioAddonEndOfLife.id} istioAddon.revision`);
  revisionClock.now = () => new Date(Date.UTC(2027, 0, 2));
  const later = validateHardenedCluster(props);
  expect(later.errors).toEqual([]);
  expect(later.warnings.find((w) => w.rule === Rules.istioAddonEndOfLife)?.detail).toBe('its end of life was 2026-12');
});

test('the revision must run on the cluster\'s Kubernetes minor version', () => {
  const ok = validateHardenedCluster({ name: 'asm', location: 'westeurope', kubernetesVersion: '1.36.1', istioAddon: { revision: 'asm-1-30' } });
  expect(ids(ok)).not.toContain(`${Rules.istioAddonRevision.id} istioAddon.revision`);
  const old = validateHardenedCluster({ name: 'asm', location: 'westeurope', kubernetesVersion: '1.31', istioAddon: { revision: 'asm-1-30' } });
  const v = old.errors.find((e) => e.rule === Rules.istioAddonRevision)!;
  expect(v.fix).toContain('asm-1-30 runs on 1.32, 1.33, 1.34, 1.35, 1.36');
});

test('the table is in release order with one row per minor, and the ends of life follow the releases', () => {
  const minors = AKS_ISTIO_REVISIONS.map((r) => r.istioMinor);
  expect(minors).toEqual([...minors].sort((a, b) => a - b));
  expect(AKS_ISTIO_REVISIONS.map((r) => r.revision)).toEqual(minors.map((m) => `asm-1-${m}`));
  const eol = AKS_ISTIO_REVISIONS.map((r) => r.endOfLife);
  expect(eol).toEqual([...eol].sort());
  const released = AKS_ISTIO_REVISIONS.map((r) => r.aksRelease);
  expect(released).toEqual([...released].sort());
  for (const r of AKS_ISTIO_REVISIONS) expect(r.aksRelease < r.endOfLife, r.revision).toBe(true);
});
