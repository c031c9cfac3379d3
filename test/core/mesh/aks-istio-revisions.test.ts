import { expect, test } from 'vitest';
import { AKS_ISTIO_REVISIONS, aksIstioRevision, Rules, validateHardenedCluster } from '../../../lib';

const ids = (v: ReturnType<typeof validateHardenedCluster>) => [...v.errors, ...v.warnings].map((x) => `${x.rule.id} ${x.property}`);

test('a revision is ending in the 90 days before the end of its end-of-life month, and ended from the first day after it', () => {
  expect(aksIstioRevision('asm-1-30')!.endOfLife).toBe('2026-12');
  const props = { name: 'asm', location: 'westeurope', kubernetesVersion: '1.36', istioAddon: { revision: 'asm-1-30' } };
  const on = (evaluationDate: string) => validateHardenedCluster(props, { evaluationDate });
  expect(ids(on('2026-10-02'))).toEqual([]);
  const ending = on('2026-12-31');
  expect(ending.errors).toEqual([]);
  expect(ending.warnings.map((w) => `${w.rule.id} ${w.property} ${w.detail}`)).toEqual([
    `${Rules.supportEnding.id} istioAddon.revision support ends 2026-12 (https://learn.microsoft.com/azure/aks/istio-support-policy#service-mesh-add-on-release-calendar; an expected month: Microsoft may move it); evaluated on 2026-12-31`,
  ]);
  const ended = on('2027-01-01');
  expect(ended.warnings).toEqual([]);
  expect(ended.errors.map((e) => `${e.rule.id} ${e.property}`)).toEqual([`${Rules.supportEnded.id} istioAddon.revision`]);
  expect(ended.errors[0].fix).toMatch(/canary upgrade/);
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
