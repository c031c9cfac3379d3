import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { digest } from '../support/determinism-sample';

test('synthesis is byte-identical across processes', () => {
  const child = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.resolve(__dirname, '../support/determinism-sample.ts')], { encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  expect(child.stdout).toMatch(/^[0-9a-f]{64}$/);
  expect(child.stdout).toBe(digest());
});
