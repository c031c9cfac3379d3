import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { ALL_RULES } from '../../lib';
import { rulesDocument } from '../../scripts/generate-rules-doc';

test('docs/validation-rules.md is generated from the rule catalog (run npm run docs:rules)', () => {
  expect(fs.readFileSync(path.resolve(__dirname, '../../docs/validation-rules.md'), 'utf8')).toBe(rulesDocument());
});

test('rule ids are unique and every rule cites a source', () => {
  expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
  for (const r of ALL_RULES) expect(r.sources.length, r.id).toBeGreaterThan(0);
});
