import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { shellWord } from '../../../lib/core/reports/shell-word';

test('a safe word stays bare; anything else is quoted so that nothing in it runs', () => {
  expect(shellWord('payments')).toBe('payments');
  expect(shellWord('/subscriptions/x/resourceGroups/rg-1')).toBe('/subscriptions/x/resourceGroups/rg-1');
  expect(shellWord("a'; rm -rf / #")).toBe("'a'\\''; rm -rf / #'");
  expect(shellWord('$(touch x)')).toBe("'$(touch x)'");
});

test('a POSIX shell reads each quoted word back as the text it was made from', () => {
  for (const text of ["a'; rm -rf / #", '$(touch x) `id` $HOME', 'two words', 'it\'s "quoted"', '*.json']) {
    expect(execFileSync('sh', ['-c', `printf %s ${shellWord(text)}`], { encoding: 'utf8' })).toBe(text);
  }
});
