import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { compileErrorsOf, thrownAt } from '../../lib/cli/source-place';

test('esbuild\'s messages, when an error carries them: every error with its notes, the column 1-based in characters', () => {
  const error = Object.assign(new Error('Transform failed with 2 errors'), {
    errors: [
      { text: 'Expected ";" but found "y"', location: { file: '/w/d.ts', line: 4, column: 11, lineText: 'const ü = y' }, notes: [{ text: 'a note' }] },
      { text: 'Unterminated string literal', location: { file: '/w/d.ts', line: 9, column: 0, lineText: '"' }, notes: [] },
    ],
  });
  expect(compileErrorsOf(error)).toEqual([
    // Byte 11 is character 10 (ü is two bytes): column 11, 1-based.
    { file: path.resolve('/w/d.ts'), line: 4, column: 11, message: 'Expected ";" but found "y"\na note' },
    { file: path.resolve('/w/d.ts'), line: 9, column: 1, message: 'Unterminated string literal' },
  ]);
});

test('tsx\'s error, whose messages are only in its text: each line of it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-place-'));
  const file = path.join(dir, 'd.ts');
  fs.writeFileSync(file, 'a\nconst ü = y z\n');
  const error = Object.assign(new Error(`Transform failed with 2 errors:\n${file}:2:13: ERROR: Expected ";" but found "z"\n${file}:2:0: ERROR: second`), { name: 'TransformError' });
  try {
    expect(compileErrorsOf(error)).toEqual([
      // Byte 13 of the line is character 12 (ü is two bytes): column 13, 1-based.
      { file, line: 2, column: 13, message: 'Expected ";" but found "z"' },
      { file, line: 2, column: 1, message: 'second' },
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('any other error is no compile error; its place is the first frame in the definition, else outside installed packages', () => {
  expect(compileErrorsOf(new TypeError('x'))).toEqual([]);
  expect(compileErrorsOf('a string')).toEqual([]);
  const stack = 'Error: x\n    at f (/pkg/node_modules/lib/a.js:1:2)\n    at g (/w/helper.ts:5:6)\n    at Object.<anonymous> (/w/definition.ts:7:8)\n    at node:internal/modules/cjs/loader:1:1';
  expect(thrownAt({ stack }, '/w/definition.ts')).toMatchObject({ file: '/w/definition.ts', line: 7, column: 8 });
  expect(thrownAt({ stack }, '/w/other.ts')).toMatchObject({ file: '/w/helper.ts', line: 5, column: 6 });
  expect(thrownAt({ stack: 'Error: x\n    at file:///w/definition.mjs:3:4' }, '/w/definition.mjs')).toMatchObject({ line: 3, column: 4 });
  expect(thrownAt('no stack', '/w/definition.ts')).toBeUndefined();
});
