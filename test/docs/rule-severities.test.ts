import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { ALL_RULES } from '../../lib';
import { looseSeverities, withCatalogSeverities } from '../../scripts/rule-severity-mentions';

const root = path.resolve(__dirname, '../..');
const pages = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)].map((name) => ({
  name,
  text: fs.readFileSync(path.join(root, name), 'utf8'),
}));
const catalogSeverity = new Map(ALL_RULES.map((r) => [r.id, r.severity]));

test('every severity the docs give a rule is the catalog\'s: in the rules table and in each (SAKS-..., severity) mention', () => {
  const stated: string[] = [];
  for (const page of pages) {
    for (const m of page.text.matchAll(/^\| (SAKS-[A-Z0-9]+-\d+) \| (\w+) \|/gm)) stated.push(`${page.name}: ${m[1]} ${m[2]}`);
    for (const m of page.text.matchAll(/\((SAKS-[A-Z0-9]+-\d+), (\w+)\)/g)) stated.push(`${page.name}: ${m[1]} ${m[2]}`);
  }
  // The rules table names every rule, and the hand-written pages state some severities of their own.
  expect(stated.filter((s) => s.startsWith('docs/validation-rules.md:')).length).toBe(ALL_RULES.length);
  expect(stated.filter((s) => !s.startsWith('docs/validation-rules.md:')).length).toBeGreaterThan(10);
  const disagreeing = stated.filter((s) => {
    const [, id, severity] = /: (\S+) (\S+)$/.exec(s)!;
    return catalogSeverity.get(id) !== severity;
  });
  expect(disagreeing).toEqual([]);
});

test('no page states a rule\'s severity in words of its own, where docs:generate could not keep it in step', () => {
  const loose = pages.flatMap((page) => looseSeverities(page.text).map((l) => `${page.name}:${l.line}: ${l.text}`));
  expect(loose).toEqual([]);
});

test('docs:generate writes the catalog\'s severity into a mention, and refuses an id the catalog does not have', () => {
  const page = 'A private API server without a way in is recorded (SAKS-RUN-002, warning).\n';
  expect(withCatalogSeverities(page, ALL_RULES, 'p.md')).toBe(`A private API server without a way in is recorded (SAKS-RUN-002, ${catalogSeverity.get('SAKS-RUN-002')}).\n`);
  expect(() => withCatalogSeverities('(SAKS-NOPE-001, error)', ALL_RULES, 'p.md')).toThrow('p.md gives a severity to SAKS-NOPE-001, which is not a rule of the catalog');
});

test('a severity in words next to a rule id is found, with its line; the same fact in a mention, or a severity in another sentence, is not', () => {
  const page = [
    '# Title',
    '',
    'The library warns',
    '(SAKS-RUN-002) unless you link a hub network. Turning locks off is a warning (SAKS-BASE-014).',
    '| `x` | reported as warning SAKS-API-006 |',
    'Turning locks off is reported (SAKS-BASE-014, warning). Errors block the synth.',
    'Families too: a warning (SAKS-BASE-*).',
  ].join('\n');
  expect(looseSeverities(page)).toEqual([
    { line: 3, text: 'The library warns (SAKS-RUN-002) unless you link a hub network.' },
    { line: 4, text: 'Turning locks off is a warning (SAKS-BASE-014).' },
    { line: 5, text: 'reported as warning SAKS-API-006' },
    { line: 7, text: 'a warning (SAKS-BASE-*).' },
  ]);
});
