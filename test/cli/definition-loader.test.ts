import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { Rules } from '../../lib';
import { enableTypeScriptDefinitions, loadDefinitionFile } from '../../lib/cli/definition-loader';
import { SecureAksValidationError } from '../../lib/core/validation/validation-error';
import { spawnCli, STACK_FRAME } from './cli-process';

// The JavaScript definitions below require the library's TypeScript sources.
beforeAll(() => enableTypeScriptDefinitions());

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-load-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const SYNTH = JSON.stringify(path.resolve(__dirname, '../../lib/synth'));
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
  return path.join(dir, file);
};
const loadError = (file: string) => {
  try {
    loadDefinitionFile(file, dir).artifacts();
  } catch (e) {
    return e as SecureAksValidationError;
  }
  throw new Error('it loaded');
};

test('a TypeScript syntax error: file, line, column and the compiler\'s whole message, under its own rule; as a user runs it', () => {
  write('broken/definition.ts', `import { hardenedClusterTarget } from ${SYNTH};\nconst cluster = {\n  name: 'broken',\n  location: 'westeurope'\n  tier: 'Standard',\n};\nexport default hardenedClusterTarget(cluster);\n`);
  const run = spawnCli(['synth', 'broken'], { cwd: dir });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('broken: definition broken/definition.ts: 1 problem must be fixed');
  expect(run.stderr).toContain(`[${Rules.definitionLoad.id}] broken/definition.ts:5:3 = "tier: 'Standard',"`);
  expect(run.stderr).toContain('detail: Expected "}" but found "tier"');
  expect(run.stderr).toContain('source: https://esbuild.github.io/content-types/#typescript');
  expect(run.stderr).not.toContain('Transform failed');
  expect(run.stderr).not.toContain(Rules.inputType.id);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
});

test('a TypeScript definition that throws: the first frame in the definition, its line, and the message', () => {
  write('thrower/definition.ts', `import { hardenedClusterTarget } from ${SYNTH};\nconst pools: string[] | undefined = undefined;\nconst count: number = pools!.length;\nexport default hardenedClusterTarget({ name: 'thrower', location: 'westeurope', tags: { count: String(count) } });\n`);
  const run = spawnCli(['synth', 'thrower'], { cwd: dir });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(new RegExp(`\\[${Rules.definitionLoad.id}\\] thrower/definition\\.ts:3:\\d+ = "const count: number = pools!\\.length;"`));
  expect(run.stderr).toContain("detail: TypeError: Cannot read properties of undefined (reading 'length')");
  expect(run.stderr).not.toMatch(STACK_FRAME);
});

test('a JavaScript syntax error is placed by V8\'s own report; a helper module that throws, at the helper\'s line', () => {
  const js = write('js/definition.js', 'module.exports = {\n  default: [1, 2,, 3\n};\n');
  const e = loadError(js);
  expect(e).toBeInstanceOf(SecureAksValidationError);
  expect(e.violations[0]).toMatchObject({ rule: Rules.definitionLoad, property: 'js/definition.js:3:1', value: '};', detail: expect.stringMatching(/^SyntaxError: /) });

  write('helper/lib.js', "module.exports = () => {\n  throw new RangeError('no pools');\n};\n");
  const helped = write('helper/definition.js', "const pools = require('./lib.js');\npools();\n");
  expect(loadError(helped).violations[0]).toMatchObject({ property: 'helper/definition.js:2:1', value: 'pools();', detail: 'RangeError: no pools' });
  // A thrown non-error has no stack: the file itself.
  const odd = write('odd/definition.js', "throw 'just a string';\n");
  expect(loadError(odd).violations[0]).toMatchObject({ property: 'odd/definition.js', detail: 'threw just a string' });
});

test('a validation error the definition throws while it loads stays the library\'s, with its own rules', () => {
  const file = write('invalid/definition.js', `const { hardenedClusterTarget } = require(${SYNTH});\nconst { ManagedClusterModel } = require(${JSON.stringify(path.resolve(__dirname, '../../lib'))});\nManagedClusterModel.build({ name: 'Bad Name!', location: 'westeurope' });\n`);
  const e = loadError(file);
  expect(e).toBeInstanceOf(SecureAksValidationError);
  expect(e.ruleIds).not.toContain(Rules.definitionLoad.id);
  expect(e.ruleIds.length).toBeGreaterThan(0);
});
