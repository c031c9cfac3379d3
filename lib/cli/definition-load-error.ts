import * as fs from 'node:fs';
import * as path from 'node:path';
import { Rules } from '../core/validation/rule-catalog';
import { SecureAksValidationError } from '../core/validation/validation-error';
import { Violation } from '../core/validation/violation';
import { compileErrorsOf, SourcePlace, thrownAt } from './source-place';

/**
 * The library's validation error for a definition that does not load: one
 * violation of {@link Rules.definitionLoad} per compiler error (file, line,
 * column and the compiler's own text), or one for what the module threw (the
 * first stack frame in the user's code and the message). The offending line
 * of source is the violation's value.
 */
export function definitionLoadError(e: unknown, file: string, cwd: string): SecureAksValidationError {
  // Inside the working folder relative, as the user names it; elsewhere absolute, not a trail of `..`.
  const shown = (f: string) => {
    const relative = path.relative(cwd, f);
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? f : relative;
  };
  const subject = `definition ${shown(file)}`;
  const compileErrors = compileErrorsOf(e);
  if (compileErrors.length > 0) {
    return new SecureAksValidationError(subject, compileErrors.map((c) => violation(c, shown, 'correct the code there (tsx compiles a definition without checking its types: `npx tsc --noEmit` finds type errors)')));
  }
  const message = e instanceof Error ? `${e.name}: ${e.message}` : `threw ${String(e)}`;
  const place: SourcePlace = thrownAt(e, file) ?? { file, message };
  return new SecureAksValidationError(subject, [violation({ ...place, message }, shown, 'make the definition load without throwing: correct what throws there, or catch it')]);
}

function violation(place: SourcePlace, shown: (file: string) => string, fix: string): Violation {
  const at = place.line === undefined ? shown(place.file) : `${shown(place.file)}:${place.line}${place.column === undefined ? '' : `:${place.column}`}`;
  const source = place.line === undefined ? undefined : sourceLine(place.file, place.line);
  return {
    rule: Rules.definitionLoad,
    property: at,
    value: source ?? place.message,
    fix,
    // A multi-line message keeps its lines, indented under the detail.
    detail: place.message.replace(/\n/g, '\n      '),
  };
}

/** Line `line` (1-based) of `file`, trimmed, if it can be read. */
function sourceLine(file: string, line: number): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/)[line - 1]?.trim();
  } catch {
    return undefined;
  }
}
