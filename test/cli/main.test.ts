import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { Rules } from '../../lib';
import { runCli } from '../../lib/cli/main';
import { enableTypeScriptDefinitions } from '../../lib/cli/definition-loader';
import { hardenedPayload } from '../support/misconfiguration-corpus';
import { spawnCli } from './cli-process';

// The JavaScript definitions below require the library's TypeScript sources (a user's require the
// compiled package), so this process needs the TypeScript loader the CLI enables only for .ts definitions.
beforeAll(() => enableTypeScriptDefinitions());

const LIB = JSON.stringify(path.resolve(__dirname, '../../lib'));
const SYNTH = JSON.stringify(path.resolve(__dirname, '../../lib/synth'));
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A JavaScript definition (loads without TypeScript support) of one cluster. */
function definition(folder: string, body = `hardenedClusterTarget({ name: '${folder}', location: 'westeurope' })`): string {
  fs.mkdirSync(path.join(dir, folder), { recursive: true });
  const file = path.join(dir, folder, 'definition.js');
  fs.writeFileSync(file, `const { ApiServerAccess } = require(${LIB});\nconst { hardenedClusterTarget } = require(${SYNTH});\nmodule.exports = { default: ${body} };\n`);
  return file;
}

test('--help and --version', () => {
  expect(runCli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: secure-aks <command>') });
  expect(runCli(['synth', '--help']).stdout).toContain('--baseline <dir>');
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
  expect(runCli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
});

test('unknown flags, flags without their value, unknown commands and missing targets are usage errors (exit 2), naming the problem', () => {
  definition('one');
  const unknown = runCli(['synth', '--outdir', 'x'], dir);
  expect(unknown).toEqual({ code: 2, stdout: '', stderr: "secure-aks: unknown option '--outdir'\nSee 'secure-aks synth --help'.\n" });
  expect(runCli(['synth', '--ouptut', 'x'], dir).stderr).toContain("secure-aks: unknown option '--ouptut'. Did you mean '--output'?");
  expect(runCli(['synth', '-x'], dir).stderr).toContain("secure-aks: unknown option '-x'\n");
  const missing = runCli(['synth', '--output'], dir);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain("secure-aks: option '--output' needs a value");
  expect(runCli(['synth', '--output', '--only', 'a'], dir).stderr).toContain("secure-aks: option '--output' needs a value, not the option '--only' (write --output=--only if you mean it)\n");
  expect(runCli(['deploy'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown command 'deploy'\n") });
  expect(runCli(['adit'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown command 'adit'. Did you mean 'audit'?") });
  expect(runCli(['synth', 'nowhere'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('nowhere: no such file or folder') });
  expect(runCli(['synth', '.', '--only', 'two'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('no target named "two"') });
  expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
});

test('positional targets: a definition file, a folder with one, or a folder of such folders; --output (-o) decides where', () => {
  const file = definition('alpha');
  definition('beta');
  const byFile = runCli(['synth', file, '--output', 'out-a'], dir);
  expect(byFile.code).toBe(0);
  expect(byFile.stderr).toBe('');
  expect(fs.readdirSync(path.join(dir, 'out-a'))).toEqual(['alpha']);
  expect(runCli(['synth', 'beta', '-o', 'out-b'], dir).code).toBe(0);
  expect(fs.readdirSync(path.join(dir, 'out-b'))).toEqual(['beta']);
  const all = runCli(['synth', '.', '-o', 'out-c', '--only', 'beta,alpha'], dir);
  expect(all.stdout).toBe(
    'out-c/alpha/: api-server-reachability.md, cluster.template.json, encryption-coverage.md, security-baseline.md\nout-c/alpha/evidence/: assessment-results.oscal.json, report.html\n' +
      'out-c/beta/: api-server-reachability.md, cluster.template.json, encryption-coverage.md, security-baseline.md\nout-c/beta/evidence/: assessment-results.oscal.json, report.html\n',
  );
});

test('a definition that throws while loading is reported in the library\'s format, beside every other target\'s problems', () => {
  fs.mkdirSync(path.join(dir, 'broken'));
  fs.writeFileSync(path.join(dir, 'broken', 'definition.js'), "throw new TypeError(\"Cannot read properties of undefined (reading 'map')\");\n");
  definition('invalid', "hardenedClusterTarget({ name: 'invalid', location: 'westeurope', apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['1.2.3.4/8', 'x'] }) })");
  definition('good');
  const run = runCli(['synth', '.'], dir);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`broken: definition broken/definition.js: 1 problem must be fixed`);
  // The place it throws (file:line:column), the line, the message, under the rule of its own.
  expect(run.stderr).toContain(`[${Rules.definitionLoad.id}] broken/definition.js:1:7 = "throw new TypeError(`);
  expect(run.stderr).toContain("detail: TypeError: Cannot read properties of undefined (reading 'map')");
  expect(run.stderr).not.toContain(Rules.inputType.id);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).toContain(`[${Rules.cidrHostBits.id}] apiServerAccess.authorizedIpRanges[0] = "1.2.3.4/8"`);
  expect(run.stderr).toContain(`[${Rules.cidrMalformed.id}] apiServerAccess.authorizedIpRanges[1] = "x"`);
  expect(run.stderr).toContain('synth failed: 2 of 3 targets invalid; nothing was written');
  expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
});

test('--baseline compares against a previous synth, as a pull request\'s CI does with the main branch\'s output', () => {
  // The same target "one" on the main branch and in the pull request.
  definition('main/one', "hardenedClusterTarget({ name: 'one', location: 'westeurope', dnsPrefix: 'first' })");
  definition('pr/one', "hardenedClusterTarget({ name: 'one', location: 'westeurope', dnsPrefix: 'second' })");
  expect(runCli(['synth', 'main', '--out', 'main-output'], dir).code).toBe(0);
  const refused = runCli(['synth', 'pr', '--baseline', 'main-output'], dir);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain(`[${Rules.createOnlyChanged.id}]`);
  expect(runCli(['synth', 'pr', '--baseline', 'main-output', '--allow-replace'], dir).code).toBe(0);
  expect(runCli(['synth', 'pr', '--baseline', 'missing'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--baseline missing: no such folder') });
});

test('a TypeScript definition loads without loader flags', () => {
  fs.mkdirSync(path.join(dir, 'typed'));
  fs.writeFileSync(
    path.join(dir, 'typed', 'definition.ts'),
    `import { HardenedClusterProps } from ${LIB};\nimport { hardenedClusterTarget } from ${SYNTH};\nconst cluster: HardenedClusterProps = { name: 'typed', location: 'westeurope' };\nexport default hardenedClusterTarget(cluster);\n`,
  );
  // The CLI's own source runs through tsx here; the definition is loaded by the CLI's register.
  const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.resolve(__dirname, '../../lib/cli/main.ts'), 'synth', 'typed'], { cwd: dir, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(fs.readdirSync(path.join(dir, 'dist', 'typed'))).toContain('cluster.template.json');
});

test('a bare secure-aks is a usage mistake: the usage on standard error, exit 2; --help is the usage on standard output, exit 0', () => {
  const bare = spawnCli([], { cwd: dir });
  expect(bare.status).toBe(2);
  expect(bare.stdout).toBe('');
  expect(bare.stderr).toContain('Usage: secure-aks <command>');
  expect(runCli(['help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: secure-aks <command>'), stderr: '' });
});

test('progress on standard error only when it is a terminal: a line per synth target, a counter for the audit', () => {
  definition('alpha');
  definition('beta');
  const written: string[] = [];
  const progress = { write: (t: string) => written.push(t) };
  const synth = runCli(['synth', '.'], dir, { progress });
  expect(synth.code).toBe(0);
  expect(written.join('')).toBe('synth: alpha (1/2)\nsynth: beta (2/2)\n');
  expect(synth.stdout).not.toContain('synth:');

  written.length = 0;
  fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(hardenedPayload()));
  const audit = runCli(['audit', 'c.json'], dir, { progress });
  expect(written.join('')).toBe('\raudit: 1/1 clusters\x1b[K\r\x1b[K');
  expect(audit.stdout).not.toContain('\r');
  // A pipe, as in CI: nothing but the diagnostics.
  const piped = spawnCli(['synth', '.', '-o', 'piped'], { cwd: dir });
  expect(piped.stderr).toBe('');
  expect(piped.status).toBe(0);
});
