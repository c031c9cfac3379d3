import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { pulumiProjectOfProgram } from '../../lib/cli/definition-loader';
import { runCli } from '../../lib/cli/main';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-program-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
  return path.join(dir, file);
};

// What a user of the one-cluster quick start has: a Pulumi project whose program creates
// resources, with the definition in its own module.
const PROGRAM = "import * as pulumi from '@pulumi/pulumi';\nexport const name = new pulumi.Config().get('x');\n";

test('a Pulumi program is refused before it is loaded (exit 2), pointing at the definition module', () => {
  write('stack/Pulumi.yaml', 'name: stack\nruntime: nodejs\n');
  write('stack/index.ts', PROGRAM);
  const r = runCli(['synth', 'stack/index.ts'], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`stack/index.ts is the program of the Pulumi project ${path.join('stack', 'Pulumi.yaml')}`);
  expect(r.stderr).toContain('definition.ts');
  expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
});

test('the program is the project\'s main, or index.ts/index.js of its folder; other modules are definitions', () => {
  write('a/Pulumi.yaml', 'name: a\nruntime:\n  name: nodejs\n');
  expect(pulumiProjectOfProgram(write('a/index.ts', PROGRAM))).toBe(path.join(dir, 'a', 'Pulumi.yaml'));
  expect(pulumiProjectOfProgram(write('a/definition.ts', ''))).toBeUndefined();
  write('b/Pulumi.yaml', "name: b\nmain: src/stack.ts # the program\nruntime: nodejs\n");
  expect(pulumiProjectOfProgram(write('b/src/stack.ts', PROGRAM))).toBe(path.join(dir, 'b', 'Pulumi.yaml'));
  expect(pulumiProjectOfProgram(write('b/index.ts', PROGRAM))).toBeUndefined();
  write('c/Pulumi.yaml', 'name: c\nmain: app/\n');
  expect(pulumiProjectOfProgram(write('c/app/index.js', ''))).toBe(path.join(dir, 'c', 'Pulumi.yaml'));
  // No Pulumi project: an index.ts is a definition like any other file.
  expect(pulumiProjectOfProgram(write('d/index.ts', ''))).toBeUndefined();
});
