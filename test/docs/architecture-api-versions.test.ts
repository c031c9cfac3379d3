import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { ApiVersions } from '../../lib';

const root = path.resolve(__dirname, '../..');
const doc = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
const table = doc.slice(doc.indexOf('| Resource type | API version | Checked against |')).split('\n\n')[0].split('\n').slice(2);
const devDependencies = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies as Record<string, string>;

test('the API-version table of docs/architecture.md says what the model pins and which SDK checks it', () => {
  const rows = table.map((line) => line.split('|').map((c) => c.trim()));
  const documented = new Set(rows.flatMap((r) => r[2].split(',').map((v) => v.trim())));
  // Every pinned version is in the table, and the table names no other.
  expect([...documented].sort()).toEqual([...new Set(Object.values(ApiVersions))].sort());
  // Every SDK version the table names is the one the tests install.
  for (const [, pkg, version] of rows.flatMap((r) => [...r[3].matchAll(/`(@azure\/arm-[a-z]+)` ([0-9.]+)/g)])) {
    expect(devDependencies[pkg], pkg).toBe(version);
  }
});
