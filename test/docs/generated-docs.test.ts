import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { ALL_RULES } from '../../lib';
import { generatedDocuments } from '../../scripts/generate-docs';

test.each(Object.entries(generatedDocuments()))('docs/%s is generated from the code (run npm run docs:generate)', (name, content) => {
  expect(fs.readFileSync(path.resolve(__dirname, '../../docs', name), 'utf8')).toBe(content);
});

test('rule ids are unique and every rule cites a source', () => {
  expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
  for (const r of ALL_RULES) expect(r.sources.length, r.id).toBeGreaterThan(0);
});
