import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A place in a source file (line and column 1-based, as editors and compilers print them) and what went wrong there. */
export interface SourcePlace {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** An esbuild message, as its API gives it (`errors[]` of a failed transform). @see https://esbuild.github.io/api/#message-object */
interface EsbuildMessage {
  readonly text: string;
  readonly location?: { readonly file: string; readonly line: number; readonly column: number; readonly lineText?: string } | null;
  readonly notes?: ReadonlyArray<{ readonly text: string }>;
}

/**
 * The compiler errors of a module that does not compile, each at its place:
 * esbuild's messages (what tsx compiles TypeScript with), from its `errors`
 * or, as tsx drops those, from the lines of its message
 * (`<file>:<line>:<column>: ERROR: <text>`, the column 0-based); or V8's
 * syntax error of a JavaScript module (its stack starts with `<file>:<line>`,
 * the source line and a caret). Empty for any other error.
 */
export function compileErrorsOf(e: unknown): SourcePlace[] {
  if (typeof e !== 'object' || e === null) return [];
  const error = e as { name?: unknown; message?: unknown; stack?: unknown; errors?: unknown };
  const message = typeof error.message === 'string' ? error.message : '';
  if (Array.isArray(error.errors) && error.errors.every((m) => typeof (m as EsbuildMessage)?.text === 'string')) {
    return (error.errors as EsbuildMessage[]).map((m) => ({
      file: path.resolve(m.location?.file ?? ''),
      line: m.location?.line,
      column: m.location ? oneBasedColumn(m.location.lineText, m.location.column) : undefined,
      message: [m.text, ...(m.notes ?? []).map((n) => n.text)].join('\n'),
    }));
  }
  if (error.name === 'TransformError' || /^Transform failed with \d+ errors?:/.test(message)) {
    return [...message.matchAll(/^(.+):(\d+):(\d+): ERROR: (.*)$/gm)].map(([, file, line, column, text]) => ({
      file: path.resolve(file),
      line: Number(line),
      column: oneBasedColumn(lineOf(path.resolve(file), Number(line)), Number(column)),
      message: text,
    }));
  }
  const header = error.name === 'SyntaxError' && typeof error.stack === 'string' ? /^(.+):(\d+)\n(.*)\n( *)\^/.exec(error.stack) : null;
  if (header) return [{ file: header[1], line: Number(header[2]), column: header[4].length + 1, message: `SyntaxError: ${message}` }];
  return [];
}

/**
 * Where a thrown error comes from: the first frame of its stack in `file`
 * (the definition), else the first outside Node's internals and installed
 * packages; undefined without a stack.
 */
export function thrownAt(e: unknown, file: string): SourcePlace | undefined {
  const stack = (e as { stack?: unknown } | null)?.stack;
  if (typeof stack !== 'string') return undefined;
  const frames = stack
    .split('\n')
    .map((l) => /^\s+at (?:.*\()?(.+?):(\d+):(\d+)\)?$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, f, line, column]) => ({ file: f.startsWith('file://') ? fileURLToPath(f) : f, line: Number(line), column: Number(column), message: '' }));
  const own = frames.find((f) => f.file === file);
  return own ?? frames.find((f) => path.isAbsolute(f.file) && !f.file.split(/[\\/]/).includes('node_modules'));
}

/** esbuild's column (0-based, in UTF-8 bytes of the line) as a 1-based column in characters. */
function oneBasedColumn(lineText: string | undefined, column: number): number {
  return lineText === undefined ? column + 1 : Buffer.from(lineText, 'utf8').subarray(0, column).toString('utf8').length + 1;
}

/** Line `line` (1-based) of `file`, if it can be read. */
function lineOf(file: string, line: number): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/)[line - 1];
  } catch {
    return undefined;
  }
}
