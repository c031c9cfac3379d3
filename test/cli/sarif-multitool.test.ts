import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../../lib/cli/main';
import { hardenedPayload } from '../support/misconfiguration-corpus';
import { approvedFiles, liveGetOf } from '../support/live-cluster';

/**
 * The SARIF Multitool's `validate` (Microsoft's SARIF SDK, the validator
 * GitHub code scanning's documentation points to) run on the audit's logs,
 * as a user's pipeline would before uploading them.
 * @see https://github.com/microsoft/sarif-sdk/blob/main/docs/multitool-usage.md
 */

const REAL_WORLD = path.resolve(__dirname, '../fixtures/real-world');
let dir: string;
let multitool: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-multitool-'));
  // The platform package ships a self-contained binary; its install script only marks it executable,
  // and npm may skip install scripts: run a copy marked executable here rather than rely on it.
  const shipped = path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');
  multitool = path.join(dir, 'Sarif.Multitool');
  fs.copyFileSync(shipped, multitool);
  fs.chmodSync(multitool, 0o755);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface MultitoolResult {
  readonly ruleId: string;
  readonly level: string;
  readonly text: string;
}

/** The Multitool's findings on `logs`, from the SARIF log it writes of them. */
function validate(logs: readonly string[]): MultitoolResult[] {
  const out = path.join(dir, `validation-${path.basename(logs[0])}.sarif`);
  fs.rmSync(out, { force: true });
  const run = spawnSync(multitool, ['validate', ...logs, '--output', out], {
    encoding: 'utf8',
    // The binary needs no ICU for this: without it .NET refuses to start on a machine that lacks libicu.
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  expect(run.error, run.stderr).toBeUndefined();
  expect(fs.existsSync(out), `${run.stdout}\n${run.stderr}`).toBe(true);
  const log = JSON.parse(fs.readFileSync(out, 'utf8'));
  return (log.runs[0].results ?? []).map((r: any) => ({ ruleId: r.ruleId, level: r.level ?? 'warning', text: `${r.ruleId}: ${r.message?.arguments?.join(' | ') ?? r.message?.id}` }));
}

/** Writes the audit's SARIF log of `args`, run in `cwd`, and returns its path. */
function auditLog(name: string, args: readonly string[], cwd: string, stdin?: string): string {
  const out = path.join(dir, `${name}.sarif`);
  const r = runCli(['audit', ...args, '--format', 'sarif', '--output', out, '--evaluation-date', '2026-12-01'], cwd, stdin === undefined ? {} : { readStdin: () => stdin });
  // Exit 2 (a document with no cluster in it) still writes the log, its reason a tool notification.
  expect(fs.existsSync(out), `${r.code}: ${r.stderr}`).toBe(true);
  return out;
}

/**
 * The Multitool's one warning on every log: SARIF2005, the tool gives no
 * `informationUri`. The package has no public home page to name yet, and an
 * invented address would send a reader nowhere.
 */
const NO_HOME_PAGE = 'SARIF2005';

test('0 errors and no warning but the missing home page, for files given by absolute and relative paths, standard input, and the real-world corpus', () => {
  const work = path.join(dir, 'work');
  fs.mkdirSync(path.join(work, 'sub dir'), { recursive: true });
  fs.writeFileSync(path.join(work, 'sub dir', 'c [1].json'), JSON.stringify(hardenedPayload({ disableLocalAccounts: false })));
  const corpus = fs
    .readdirSync(REAL_WORLD)
    .filter((d) => fs.existsSync(path.join(REAL_WORLD, d, 'expected.json')))
    .flatMap((d) => {
      const expected = JSON.parse(fs.readFileSync(path.join(REAL_WORLD, d, 'expected.json'), 'utf8'));
      return expected.form === 'pulumi-classic-program' || expected.unusable ? [] : (expected.documents as string[]).map((f) => path.join(REAL_WORLD, d, f));
    });
  expect(corpus.length).toBeGreaterThan(15);
  const logs = [
    auditLog('relative', ['sub dir/c [1].json'], work),
    auditLog('absolute', [path.join(work, 'sub dir', 'c [1].json')], os.tmpdir()),
    auditLog('stdin', ['-'], work, JSON.stringify(hardenedPayload({ enableRBAC: false }))),
    // Each document on its own, as a pipeline audits them; undecided rules and not-examined parts among them.
    ...corpus.map((file, i) => auditLog(`corpus-${i}`, [file], REAL_WORLD)),
  ];
  const results = validate(logs);
  expect(results.filter((r) => r.level === 'error').map((r) => r.text)).toEqual([]);
  expect(results.filter((r) => r.ruleId !== NO_HOME_PAGE).map((r) => r.text)).toEqual([]);
});

test('0 errors on a drift report against an approved synth', async () => {
  const files = await approvedFiles('acns-wireguard');
  const work = path.join(dir, 'drift');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(work, 'dist/acns-wireguard', path.dirname(name)), { recursive: true });
    fs.writeFileSync(path.join(work, 'dist/acns-wireguard', name), text);
  }
  const live = liveGetOf(files['cluster.template.json'], (c) => (c.properties.apiServerAccessProfile.enablePrivateCluster = false));
  fs.writeFileSync(path.join(work, 'live.json'), JSON.stringify(live));
  const log = auditLog('drift', ['--approved', 'dist/acns-wireguard', 'live.json'], work);
  expect(JSON.parse(fs.readFileSync(log, 'utf8')).runs[0].results.some((r: any) => r.ruleId === 'SAKS-DRIFT-001')).toBe(true);
  expect(validate([log]).filter((r) => r.level === 'error').map((r) => r.text)).toEqual([]);
});

test('the Multitool can fail: a location given as a bare absolute path is an error', () => {
  const good = JSON.parse(fs.readFileSync(auditLog('to-break', ['-'], dir, JSON.stringify(hardenedPayload({ disableLocalAccounts: false }))), 'utf8'));
  const broken = path.join(dir, 'broken.sarif');
  for (const r of good.runs[0].results) r.locations[0].physicalLocation.artifactLocation = { uri: '/abs/c.json' };
  fs.writeFileSync(broken, JSON.stringify(good));
  expect(validate([broken]).filter((r) => r.level === 'error').map((r) => r.ruleId)).toContain('SARIF1004');
});
