import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { enableTypeScriptDefinitions } from '../../lib/cli/definition-loader';
import { runCli } from '../../lib/cli/main';
import { writeOutputFileInChunks } from '../../lib/cli/output-path';
import { hardenedPayload } from '../support/misconfiguration-corpus';
import { spawnCli } from './cli-process';

beforeAll(() => enableTypeScriptDefinitions());

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-output-'));
  fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(hardenedPayload()));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const LIB = JSON.stringify(path.resolve(__dirname, '../../lib/synth'));
const definition = (name: string) => {
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, 'definition.js'), `const { hardenedClusterTarget } = require(${LIB});\nmodule.exports = { default: hardenedClusterTarget({ name: '${name}', location: 'westeurope' }) };\n`);
};
const isRoot = process.getuid?.() === 0;

test('audit --output into a folder that does not exist creates it, as a user runs it', () => {
  const run = spawnCli(['audit', 'c.json', '--format', 'sarif', '--output', 'reports/2026/audit.sarif', '--evaluation-date', '2026-04-01'], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('');
  expect(run.status).toBe(0);
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'reports/2026/audit.sarif'), 'utf8')).version).toBe('2.1.0');
});

test('a file in the way of the output folder: exit 2, one line saying so, before any work', () => {
  fs.writeFileSync(path.join(dir, 'reports'), 'a file');
  const audit = runCli(['audit', 'c.json', '-o', 'reports/audit.txt'], dir);
  expect(audit).toEqual({ code: 2, stdout: '', stderr: `secure-aks: cannot write reports/audit.txt: ${path.join(dir, 'reports')} is a file, not a folder\n` });
  definition('one');
  const synth = runCli(['synth', 'one', '-o', 'reports/dist'], dir);
  expect(synth).toEqual({ code: 2, stdout: '', stderr: `secure-aks: cannot write reports/dist: ${path.join(dir, 'reports')} is a file, not a folder\n` });
  // The output itself a folder: the write fails, with the reason.
  fs.mkdirSync(path.join(dir, 'folder'));
  expect(runCli(['audit', 'c.json', '-o', 'folder'], dir)).toEqual({ code: 2, stdout: '', stderr: 'secure-aks: cannot write folder: it is a folder\n' });
});

test.skipIf(isRoot)('a folder we may not write to: exit 2, permission denied', () => {
  fs.mkdirSync(path.join(dir, 'locked'), { mode: 0o555 });
  expect(runCli(['audit', 'c.json', '-o', 'locked/sub/report.txt'], dir)).toEqual({ code: 2, stdout: '', stderr: `secure-aks: cannot write locked/sub/report.txt: permission denied (${path.join(dir, 'locked')})\n` });
});

test('synth --output into a folder that does not exist creates it; --out still works and says it is deprecated', () => {
  definition('one');
  const run = runCli(['synth', 'one', '--output', 'a/b/dist'], dir);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  expect(fs.readdirSync(path.join(dir, 'a/b/dist/one'))).toContain('cluster.template.json');
  const old = runCli(['synth', 'one', '--out', 'old'], dir);
  expect(old.code).toBe(0);
  expect(old.stderr).toBe('secure-aks: warning: --out is deprecated; use --output (-o)\n');
  expect(fs.readdirSync(path.join(dir, 'old'))).toEqual(['one']);
  expect(runCli(['synth', 'one', '--out', 'x', '-o', 'y'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('give --output only') });
  // The deprecated name is never suggested.
  expect(runCli(['synth', '--ot', 'x'], dir).stderr).not.toContain("'--out'");
});

test('a report written in chunks is the chunks joined, byte for byte, whatever their sizes and characters', () => {
  // Chunks around the size of the write buffer (1 MiB), one far larger, and characters of 1 to 4 bytes in UTF-8.
  const chunks = ['head é\n', 'x'.repeat(1_048_570), '€ crosses the buffer ', '😀'.repeat(300_000), 'a'.repeat(5_000_000), '', 'tail ü\n'];
  const file = path.join(dir, 'out/report.txt');
  writeOutputFileInChunks(file, chunks, 'out/report.txt');
  expect(fs.readFileSync(file).equals(Buffer.from(chunks.join(''), 'utf8'))).toBe(true);
});

test('a report whose chunks fail half way leaves no file', () => {
  const file = path.join(dir, 'report.txt');
  const chunks = function* () {
    yield 'y'.repeat(2_000_000);
    throw new Error('the audit failed');
  };
  expect(() => writeOutputFileInChunks(file, chunks(), 'report.txt')).toThrow('the audit failed');
  expect(fs.existsSync(file)).toBe(false);
});
