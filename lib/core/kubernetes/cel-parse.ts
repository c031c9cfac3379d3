import { answersByText } from '../memo/answers-by-text';

let cel: typeof import('@bufbuild/cel') | undefined;

/** @bufbuild/cel, loaded on first use (the CEL library is large, and many runs parse nothing). */
export function celLibrary(): typeof import('@bufbuild/cel') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cel ??= require('@bufbuild/cel') as typeof import('@bufbuild/cel');
  return cel;
}

/** A parsed expression: its tree (`expr`) and where each node is in the text (`sourceInfo.positions`). */
export type ParsedCel = ReturnType<typeof import('@bufbuild/cel').parse>;

/**
 * A CEL expression parsed once per text: the admission evaluation and the
 * check of what the API server compiles read the same expressions, and the
 * parser reads some tens of kilobytes a second.
 * @returns the parsed expression, or the parser's error
 * @internal
 */
export const parseCel: (expression: string) => ParsedCel | Error = answersByText((expression) => {
  try {
    return celLibrary().parse(expression);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
});
