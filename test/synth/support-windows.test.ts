import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RegulatedPlatformModel, Rules, SecureAksValidationError } from '../../lib';
import { hardenedClusterTarget, regulatedPlatformTarget, synthesize, SynthTarget } from '../../lib/synth';
import { runCli } from '../../lib/cli/main';
import { PLATFORM } from '../support/platform-fixtures';

let out: string;
beforeEach(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-support-'));
});
afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

const cluster = { name: 'ledger', location: 'westeurope', kubernetesVersion: '1.35' } as const;
const EXAMPLES = path.resolve(__dirname, '../../examples');

/** The date `npm run synth` judges the examples on, as its task pins it. */
function examplesSynthDate(): string {
  const tasks = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../.projen/tasks.json'), 'utf8'));
  const exec: string = tasks.tasks.synth.steps[0].exec;
  return /--evaluation-date (\S+)/.exec(exec)![1];
}

/** Every example's synth target, as `secure-aks synth examples` loads them. */
async function exampleTargets(): Promise<Map<string, SynthTarget>> {
  const names = fs.readdirSync(EXAMPLES).filter((d) => fs.existsSync(path.join(EXAMPLES, d, 'definition.ts'))).sort();
  const targets = new Map<string, SynthTarget>();
  for (const name of names) targets.set(name, ((await import(path.join(EXAMPLES, name, 'definition.ts'))) as { default: SynthTarget }).default);
  return targets;
}

const supportFindings = (text: string) => [...text.matchAll(/\[(SAKS-VER-00\d)\] (\S+) = (\S+)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);

test('the security baseline records the evaluation date and the support window of each version the cluster runs', () => {
  const result = synthesize(new Map([['ledger', hardenedClusterTarget(cluster)]]), out, { evaluationDate: '2026-12-01' });
  expect(result.failures.size).toBe(0);
  const report = fs.readFileSync(path.join(out, 'ledger', 'security-baseline.md'), 'utf8');
  expect(report).toContain('## Support windows\n\nEvaluated on **2026-12-01** (UTC).');
  const section = report.slice(report.indexOf('## Support windows')).split(/\n(?=## )/)[0];
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Component'));
  expect(rows.map((r) => r.split(' | ').slice(0, 4).join(' | '))).toEqual([
    '| AKS Kubernetes | 1.35 | kubernetesVersion | supported',
    // The control plane's audit logs go through a diagnostic setting, written at a preview API version.
    '| ARM API version | Microsoft.Insights/diagnosticSettings@2021-05-01-preview | apiVersion | undecided: Azure retires a preview API version as early as 90 days after a newer preview or stable version is available; no newer version of diagnosticSettings was found (https://github.com/Azure/azure-rest-api-specs/issues/16697), and no retirement is announced',
  ]);
  expect(rows[0]).toMatch(/\| 2027-03 \| <https:\/\/learn\.microsoft\.com\/azure\/aks\/supported-kubernetes-versions#[^>]+> \|$/);
});

test('an estate\'s reports add what its deployment installs: Istio and cert-manager as pinned, the Flux extension where GitOps delivers', async () => {
  const estate = ((await import(path.join(EXAMPLES, 'estate', 'definition.ts'))) as { default: SynthTarget }).default;
  const files = estate.artifacts({ evaluationDate: '2026-12-01' });
  const reports = Object.entries(files).filter(([name]) => name.startsWith('reports/security-baseline-'));
  expect(reports.length).toBeGreaterThan(1);
  for (const [name, text] of reports) {
    expect(text, name).toContain('Evaluated on **2026-12-01** (UTC).');
    expect(text, name).toMatch(/^\| Istio \| \d+\.\d+\.\d+ \| versions\.istio \| undecided: [^|]+ \| has the fixes of ISTIO-SECURITY-2026-006 \|/m);
    expect(text, name).toMatch(/^\| cert-manager \| v\d+\.\d+\.\d+ \| versions\.certManager \| undecided: /m);
    expect(text, name).toMatch(/^\| microsoft\.flux extension \| \d+\.\d+\.\d+ \| FLUX_EXTENSION_VERSION \| undecided: supported while among the three newest releases/m);
  }
}, 120_000);

test('same input, same evaluation date: byte-identical output; another date changes the reports, not the templates', () => {
  const files = (date: string) => {
    const dir = path.join(out, date);
    synthesize(new Map([['ledger', hardenedClusterTarget(cluster)]]), dir, { evaluationDate: date });
    const root = path.join(dir, 'ledger');
    return Object.fromEntries((fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
  };
  const first = files('2026-12-01');
  expect(files('2026-12-01')).toEqual(first);
  fs.rmSync(path.join(out, '2026-12-01'), { recursive: true });
  expect(files('2026-12-01')).toEqual(first);
  const later = files('2026-12-02');
  expect(later['cluster.template.json']).toBe(first['cluster.template.json']);
  expect(later['security-baseline.md']).not.toBe(first['security-baseline.md']);
  expect(later['security-baseline.md'].replace('2026-12-02', '2026-12-01')).toBe(first['security-baseline.md']);
});

test('a version within 90 days of its end warns; past its end, the synth fails and writes nothing', () => {
  const ending = synthesize(new Map([['ledger', hardenedClusterTarget(cluster)]]), out, { evaluationDate: '2027-01-15' });
  expect(ending.failures.size).toBe(0);
  expect(ending.warnings.get('ledger')!.flatMap(supportFindings)).toEqual([`${Rules.supportEnding.id} kubernetesVersion "1.35"`]);
  fs.rmSync(path.join(out, 'ledger'), { recursive: true });
  const ended = synthesize(new Map([['ledger', hardenedClusterTarget(cluster)]]), out, { evaluationDate: '2027-04-01' });
  expect(ended.written.size).toBe(0);
  expect((ended.failures.get('ledger') as SecureAksValidationError).ruleIds).toEqual([Rules.supportEnded.id]);
  expect(fs.readdirSync(out)).toEqual([]);
});

test('an evaluation date that is no calendar date is the library\'s error, before anything is built or written', () => {
  let built = false;
  const target: SynthTarget = { artifacts: () => ((built = true), { 'x.txt': 'x' }) };
  expect(() => synthesize(new Map([['x', target]]), out, { evaluationDate: '2026-11-31' })).toThrow(SecureAksValidationError);
  expect(built).toBe(false);
  expect(fs.readdirSync(out)).toEqual([]);
});

test('a build function that drops the evaluation date it is given is refused: its model would be judged on today', () => {
  const dropping = regulatedPlatformTarget(() => RegulatedPlatformModel.build(PLATFORM));
  const result = synthesize(new Map([['platform', dropping]]), out, { evaluationDate: '2026-12-01' });
  const error = result.failures.get('platform') as SecureAksValidationError;
  expect(error.ruleIds).toEqual([Rules.evaluationDate.id]);
  expect(error.violations[0].fix).toContain('regulatedPlatformTarget((options) => RegulatedPlatformModel.build(props, options))');
  const passing = regulatedPlatformTarget((options) => RegulatedPlatformModel.build(PLATFORM, options));
  expect(synthesize(new Map([['platform', passing]]), out, { evaluationDate: '2026-12-01' }).failures.size).toBe(0);
});

test('secure-aks synth --evaluation-date: recorded in the reports; an invalid date is refused and nothing is written', () => {
  fs.mkdirSync(path.join(out, 'def'));
  const lib = JSON.stringify(path.resolve(__dirname, '../../lib/synth'));
  fs.writeFileSync(path.join(out, 'def', 'definition.ts'), `import { hardenedClusterTarget } from ${lib};\nexport default hardenedClusterTarget(${JSON.stringify(cluster)});\n`);
  const ok = runCli(['synth', 'def', '-o', 'dist', '--evaluation-date', '2026-12-01'], out);
  expect(ok.stderr).toBe('');
  expect(ok.code).toBe(0);
  expect(fs.readFileSync(path.join(out, 'dist', 'def', 'security-baseline.md'), 'utf8')).toContain('Evaluated on **2026-12-01** (UTC).');
  const bad = runCli(['synth', 'def', '-o', 'bad', '--evaluation-date', '1 Dec 2026'], out);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('[SAKS-VER-003] --evaluation-date = "1 Dec 2026"');
  expect(fs.existsSync(path.join(out, 'bad'))).toBe(false);
});

test('every example holds on the date npm run synth pins; later dates make the support windows fire', async () => {
  const date = examplesSynthDate();
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const targets = await exampleTargets();
  expect([...targets.keys()]).toEqual(['acns-wireguard', 'azure-policy', 'calico-wireguard', 'cross-cluster-mysql', 'estate', 'platform', 'private-cluster', 'public-authorized-ranges']);
  const held = synthesize(targets, path.join(out, 'held'), { evaluationDate: date });
  expect([...held.failures.values()].map((e) => e.message)).toEqual([]);
  expect([...held.warnings.values()].flat().flatMap(supportFindings)).toEqual([]);
  // acns-wireguard runs Kubernetes 1.35: ending from 2027-01-01, ended from 2027-04-01.
  const ending = synthesize(targets, path.join(out, 'ending'), { evaluationDate: '2027-01-15' });
  expect(ending.failures.size).toBe(0);
  expect((ending.warnings.get('acns-wireguard') ?? []).flatMap(supportFindings)).toEqual([`${Rules.supportEnding.id} kubernetesVersion "1.35"`]);
  const ended = synthesize(targets, path.join(out, 'ended'), { evaluationDate: '2027-04-01' });
  expect([...ended.failures.keys()]).toEqual(['acns-wireguard']);
  expect((ended.failures.get('acns-wireguard') as SecureAksValidationError).ruleIds).toEqual([Rules.supportEnded.id]);
}, 240_000);
