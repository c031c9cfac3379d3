import { expect, test } from 'vitest';
import { checkPinnedSupport, libraryPins, RegulatedPlatformModel, Rules, SecureAksValidationError, validateHardenedCluster, validateRegulatedPlatform } from '../../../lib';
import { checkClusterPayload } from '../../../lib/core/audit/cluster-payload-rules';
import { hardenedPayload } from '../../support/misconfiguration-corpus';
import { PLATFORM } from '../../support/platform-fixtures';

const VER: readonly string[] = [Rules.supportEnding.id, Rules.supportEnded.id];

/** The support-window findings and undecided rules of a payload on a date. */
function onPayload(properties: Record<string, unknown>, evaluationDate: string, apiVersion?: string) {
  const r = checkClusterPayload({ ...hardenedPayload(properties), ...(apiVersion ? { apiVersion } : {}) }, [], { evaluationDate });
  return {
    found: [...r.violations.errors, ...r.violations.warnings].filter((v) => VER.includes(v.rule.id)).map((v) => `${v.rule.id} ${v.property} ${JSON.stringify(v.value)}`),
    undecided: r.undecided.filter((u) => VER.includes(u.rule.id)).map((u) => `${u.rule.id}: ${u.reason}`),
    verdicts: r.outcomes.filter((o) => VER.includes(o.rule.id)).map((o) => o.verdict),
  };
}

test('the cluster\'s Kubernetes version holds, then is ending (a warning) within 90 days of its end, then has ended (an error)', () => {
  // AKS 1.35: standard support through March 2027.
  expect(onPayload({ kubernetesVersion: '1.35.2' }, '2026-12-01')).toEqual({ found: [], undecided: [], verdicts: ['pass', 'pass'] });
  expect(onPayload({ kubernetesVersion: '1.35.2' }, '2027-01-01').found).toEqual([`${Rules.supportEnding.id} properties.kubernetesVersion "1.35.2"`]);
  expect(onPayload({ kubernetesVersion: '1.35.2' }, '2027-04-01').found).toEqual([`${Rules.supportEnded.id} properties.kubernetesVersion "1.35.2"`]);
});

test('what the cluster runs is judged too: the running version and each pool\'s', () => {
  const pools = [
    { name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4ds_v5', orchestratorVersion: '1.35', currentOrchestratorVersion: '1.32.7' },
    { name: 'user', mode: 'User', count: 3, vmSize: 'Standard_D4ds_v5', orchestratorVersion: '1.35' },
  ];
  const r = onPayload({ kubernetesVersion: '1.35', currentKubernetesVersion: '1.33.4', agentPoolProfiles: pools }, '2026-08-01');
  // 1.32 ended with March 2026, 1.33 with July 2026; 1.35 holds.
  expect(r.found).toEqual([
    `${Rules.supportEnded.id} properties.currentKubernetesVersion "1.33.4"`,
    `${Rules.supportEnded.id} properties.agentPoolProfiles[0].currentOrchestratorVersion "1.32.7"`,
  ]);
});

test('the AKS Istio add-on revisions are judged on the add-on\'s calendar', () => {
  const mesh = { serviceMeshProfile: { mode: 'Istio', istio: { revisions: ['asm-1-29', 'asm-1-30'] } }, kubernetesVersion: '1.35' };
  // asm-1-29: end of life September 2026 (expected); asm-1-30: December 2026 (expected).
  expect(onPayload(mesh, '2026-07-15').found).toEqual([`${Rules.supportEnding.id} properties.serviceMeshProfile.istio.revisions[0] "asm-1-29"`]);
  expect(onPayload(mesh, '2026-10-15').found).toEqual([
    `${Rules.supportEnded.id} properties.serviceMeshProfile.istio.revisions[0] "asm-1-29"`,
    `${Rules.supportEnding.id} properties.serviceMeshProfile.istio.revisions[1] "asm-1-30"`,
  ]);
  // With the mesh off, revisions left in the payload are not the cluster's.
  expect(onPayload({ ...mesh, serviceMeshProfile: { mode: 'Disabled', istio: { revisions: ['asm-1-25'] } } }, '2026-10-15').found).toEqual([]);
});

test('a version the table cannot date, or a value not known offline, is undecided with the reason: never a pass or a fail', () => {
  const newer = onPayload({ kubernetesVersion: '1.38.0' }, '2026-12-01');
  expect(newer.found).toEqual([]);
  expect(newer.verdicts).toEqual(['undecided', 'undecided']);
  expect(newer.undecided[0]).toBe(`${Rules.supportEnding.id}: the support window of AKS Kubernetes 1.38.0 is not known on 2026-12-01: its release line has no dated end of support in the table`);
  // Text of no version form (an expression written into a payload).
  const expression = onPayload({ kubernetesVersion: "[parameters('kubernetesVersion')]" }, '2026-12-01');
  expect(expression.verdicts).toEqual(['undecided', 'undecided']);
  // A version of no known form.
  expect(onPayload({ kubernetesVersion: 'latest' }, '2026-12-01').verdicts).toEqual(['undecided', 'undecided']);
  // An undecided part does not hide a decided one: the pool's ended version still fails.
  const mixed = onPayload({ kubernetesVersion: '1.38.0', agentPoolProfiles: [{ name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4ds_v5', orchestratorVersion: '1.31.1' }] }, '2026-12-01');
  expect(mixed.found).toEqual([`${Rules.supportEnded.id} properties.agentPoolProfiles[0].orchestratorVersion "1.31.1"`]);
  // "" is Azure's default version, as absent.
  expect(onPayload({ kubernetesVersion: '' }, '2026-12-01').verdicts).toEqual(['pass', 'pass']);
});

test('a preview API version of the cluster resource is judged; Azure dates no retirement of it, so it is undecided', () => {
  const preview = onPayload({ kubernetesVersion: '1.35' }, '2026-12-01', '2025-08-02-preview');
  expect(preview.verdicts).toEqual(['undecided', 'undecided']);
  expect(preview.undecided[0]).toContain('ARM API version Microsoft.ContainerService/managedClusters@2025-08-02-preview');
  expect(onPayload({ kubernetesVersion: '1.35' }, '2026-12-01', '2026-06-01').verdicts).toEqual(['pass', 'pass']);
});

test('a definition is judged on its evaluation date; a date that is no calendar date is the library\'s error', () => {
  const props = { name: 'c1', location: 'westeurope', kubernetesVersion: '1.33' };
  expect(validateHardenedCluster(props, { evaluationDate: '2026-04-01' }).errors).toEqual([]);
  const ended = validateHardenedCluster(props, { evaluationDate: '2026-08-01' }).errors;
  expect(ended.map((e) => [e.rule.id, e.property, e.value])).toEqual([[Rules.supportEnded.id, 'kubernetesVersion', '1.33']]);
  expect(ended[0].detail).toBe('support ended 2026-07 (https://learn.microsoft.com/azure/aks/supported-kubernetes-versions#aks-kubernetes-release-calendar-and-upcoming-versions; LTS until 2027-07); evaluated on 2026-08-01');
  for (const bad of ['2026-02-30', '01/08/2026', '2026-8-1', '']) {
    const errors = validateHardenedCluster(props, { evaluationDate: bad }).errors;
    expect(errors.map((e) => [e.rule.id, e.property, e.value]), bad).toEqual([[Rules.evaluationDate.id, 'evaluationDate', bad]]);
  }
  expect(() => checkClusterPayload(hardenedPayload(), [], { evaluationDate: '2026-13-01' })).toThrow(SecureAksValidationError);
});

test('the library\'s own pins: none ending or ended on 2026-12-07; each undated one undecided with its reason', () => {
  const pins = libraryPins();
  expect(pins.map((p) => p.component)).toEqual(['istio', 'cert-manager', 'calico', 'flux-extension', 'arm-api-version']);
  const today = checkPinnedSupport(pins, '2026-12-07');
  expect(today.violations).toEqual([]);
  expect(today.undecided.map((u) => u.pin.property)).toEqual(['PINNED_VERSIONS.istio', 'PINNED_VERSIONS.certManager', 'CALICO_CRD_SCHEMAS.version', 'FLUX_EXTENSION_VERSION', 'ApiVersions.diagnosticSettings']);
  expect(today.undecided[0].reason).toContain('1.32.0');
});

test('a pin is judged by the same table: ending, then ended', () => {
  const istio = [{ component: 'istio' as const, version: '1.29.7', property: 'versions.istio' }];
  // Istio 1.29: six weeks after 1.31.0 (2026-08-20), i.e. through 2026-10-01.
  expect(checkPinnedSupport(istio, '2026-07-01').violations).toEqual([]);
  expect(checkPinnedSupport(istio, '2026-09-01').violations.map((v) => [v.rule.id, v.property, v.value])).toEqual([[Rules.supportEnding.id, 'versions.istio', '1.29.7']]);
  const ended = checkPinnedSupport(istio, '2026-10-02').violations;
  expect(ended.map((v) => v.rule.id)).toEqual([Rules.supportEnded.id]);
  expect(ended[0].fix).toContain('https://istio.io/latest/docs/releases/supported-releases/');
});

test('a platform on the AKS Istio add-on\'s default revision (asm-1-30) warns in its last month and stops once it has ended', () => {
  const addon = { ...PLATFORM, meshDistribution: 'aksIstioAddon' as const };
  const ver = (date: string) => {
    const v = validateRegulatedPlatform(addon, { evaluationDate: date });
    return { errors: v.errors.filter((e) => VER.includes(e.rule.id)).map((e) => `${e.rule.id} ${e.property}`), warnings: v.warnings.filter((w) => VER.includes(w.rule.id)).map((w) => `${w.rule.id} ${w.property}`) };
  };
  // asm-1-30: end of life December 2026 (expected).
  const december = ver('2026-12-07');
  expect(december.errors).toEqual([]);
  expect(december.warnings.length).toBeGreaterThan(0);
  expect(december.warnings.every((w) => w.startsWith(`${Rules.supportEnding.id} `) && w.includes('istioAddon.revision'))).toBe(true);
  expect(() => RegulatedPlatformModel.build(addon, { evaluationDate: '2026-12-07' })).not.toThrow();
  const january = ver('2027-01-01');
  expect(january.errors.length).toBeGreaterThan(0);
  expect(january.errors.every((e) => e.startsWith(`${Rules.supportEnded.id} `) && e.includes('istioAddon.revision'))).toBe(true);
  expect(() => RegulatedPlatformModel.build(addon, { evaluationDate: '2027-01-01' })).toThrow(SecureAksValidationError);
});
