import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts', 'readme-quick-starts.mjs');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-readme-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the README check (check:package runs it in a fresh consumer) on a README in `readmeDir`. */
const run = (readmeDir: string) => spawnSync(process.execPath, [script, path.join(readmeDir, 'README.md'), dir], { encoding: 'utf8' });

test('every quick start of the README is an example\'s file, verbatim, written for check:package to compile and synth', () => {
  const r = run(root);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const files = r.stdout.trim().split('\n');
  expect(files).toEqual(['platform/definition.ts', 'platform/index.ts', 'private-cluster/definition.ts', 'private-cluster/index.ts']);
  for (const f of files) expect(fs.readFileSync(path.join(dir, f), 'utf8')).toBe(fs.readFileSync(path.join(root, 'examples', f), 'utf8'));
});

test('a quick start that is not its example, or shows code of no example, fails the check', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-readme-copy-'));
  try {
    fs.cpSync(path.join(root, 'examples'), path.join(copy, 'examples'), { recursive: true });
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    fs.writeFileSync(path.join(copy, 'README.md'), readme.replace("location: 'westeurope',", "location: 'northeurope',"));
    const drifted = run(copy);
    expect(drifted.status).toBe(1);
    expect(drifted.stderr).toMatch(/the block after examples\/\S+\.ts is not that file/);
    fs.writeFileSync(path.join(copy, 'README.md'), readme.replace('## Quick start: one cluster', '## Quick start: one cluster\n\nSome code:\n\n```ts\nexport {};\n```\n'));
    const unlinked = run(copy);
    expect(unlinked.status).toBe(1);
    expect(unlinked.stderr).toContain('does not follow a link to the example file it shows');
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
