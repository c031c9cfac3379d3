import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');

/**
 * Users have the repository and the public documents it cites, nothing else: no
 * file may point at notes outside the repository, at a machine's paths, or at
 * internal brief numbers.
 */
const INTERNAL = [
  { what: 'a path outside the repository', pattern: /\.\.\/shared\b/ },
  { what: 'an internal reference note', pattern: /\b(aks|mesh|style)\.md\b/ },
  { what: 'an internal brief number', pattern: /\bseeds?\s*\d{3}\b/i },
  { what: 'a machine path', pattern: /\/work\/(main|shared)\b/ },
];

test('no tracked file refers to anything a user does not have', () => {
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.startsWith('docs/api/') && !/generated|package-lock\.json$/.test(f));
  const found: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const { what, pattern } of INTERNAL) {
      const m = pattern.exec(text);
      if (m) found.push(`${file}: ${what} (${m[0]})`);
    }
  }
  expect(found).toEqual([]);
});

test('the scan finds what it looks for (it can fail)', () => {
  // Assembled from parts, so that this file itself holds none of what it looks for.
  const sample = ['see', ['..', 'shared', 'reference', ['aks', 'md'].join('.')].join('/'), ['seed', '003'].join(' '), ['', 'work', 'main'].join('/')].join(' ');
  expect(INTERNAL.map(({ pattern }) => pattern.test(sample))).toEqual([true, true, true, true]);
});
