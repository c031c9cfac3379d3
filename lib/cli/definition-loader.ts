import * as fs from 'node:fs';
import * as path from 'node:path';
import { SecureAksValidationError } from '../core/validation/validation-error';
import { loadDefinition } from '../synth/synthesize';
import { SynthTarget } from '../synth/synth-target';
import { definitionLoadError } from './definition-load-error';

/** The files of a folder that hold its definition, in order of preference. */
export const DEFINITION_FILES = ['definition.ts', 'definition.js'] as const;

/** The definition file of a folder, if it has one. */
export function definitionFileIn(dir: string): string | undefined {
  return DEFINITION_FILES.map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
}

/** Whether loading `file` needs TypeScript support. */
export function loadsTypeScript(file: string): boolean {
  return /\.(ts|cts|mts)$/.test(file);
}

let registered = false;

/**
 * Lets `require` load TypeScript definitions, so users run `secure-aks synth`
 * without loader flags: tsx's CommonJS register API, the same loader
 * `npm run synth` and `cdk8s synth` use. Registered once, on first need.
 * @see https://tsx.is/dev-api/register-cjs
 */
export function enableTypeScriptDefinitions(): void {
  if (registered) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('tsx/cjs/api') as { register: () => unknown }).register();
  registered = true;
}

/**
 * The synth target a definition file exports. A definition that does not
 * compile or throws while loading becomes a target that fails with the
 * library's validation error, at the place of the problem (file, line,
 * column) under its own rule, so every other target is still checked. A
 * module that loads is then read by the library's {@link loadDefinition}
 * (from `require`'s cache: it does not run twice).
 * @param cwd the folder places are shown relative to
 */
export function loadDefinitionFile(file: string, cwd: string): SynthTarget {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
  } catch (e) {
    const error = e instanceof SecureAksValidationError ? e : definitionLoadError(e, file, cwd);
    return { artifacts: () => { throw error; } };
  }
  return loadDefinition(file);
}

/**
 * The Pulumi.yaml of the project whose program `file` is, if it is one: the project's `main`, or
 * the index.ts/index.js of its folder. A program registers resources, which only the Pulumi engine
 * can run: loaded offline, @pulumi/pulumi fails later, outside the definition, with
 * `Cannot read properties of undefined (reading 'invoke')`. So it is refused before it is loaded.
 * @see https://www.pulumi.com/docs/iac/concepts/projects/project-file/ (`main`)
 */
export function pulumiProjectOfProgram(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const project = ['Pulumi.yaml', 'Pulumi.yml'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (project) {
      const main = /^main:\s*["']?([^"'#\s]+)/m.exec(fs.readFileSync(project, 'utf8'))?.[1];
      const program = path.resolve(dir, main ?? '.');
      const isDir = fs.existsSync(program) && fs.statSync(program).isDirectory();
      const programs = isDir ? ['index.ts', 'index.js'].map((f) => path.join(program, f)) : [program];
      return programs.includes(file) ? project : undefined;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}
