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
