/**
 * The expression with the content of each of its string literals removed
 * (`'l100'` becomes `''`), or `undefined` when that cannot be done safely.
 *
 * The parser reads the content of a quoted string without looking at it,
 * except for escapes, quotes and line breaks: so when no literal holds a
 * backslash or a line break or is followed by a quote, and the text has no
 * triple-quoted string and no comment, the result parses to the same tree as
 * the expression, with the same kinds of nodes and empty strings in place of
 * the literals' values (only the positions of what follows a literal move).
 * Checks that depend only on that tree's shape and types, not on the strings
 * or positions, may read the result instead: expressions that differ only in
 * names and messages then have one shape.
 * @see https://github.com/google/cel-spec/blob/master/doc/langdef.md#string-and-bytes-values
 * @internal
 */
export function celWithEmptyStrings(expression: string): string | undefined {
  let out = '';
  let from = 0;
  for (let at = 0; at < expression.length; at++) {
    const c = expression[at];
    if (c === '/' && expression[at + 1] === '/') return undefined;
    if (c !== "'" && c !== '"') continue;
    if (expression[at + 1] === c && expression[at + 2] === c) return undefined;
    const end = expression.indexOf(c, at + 1);
    if (end < 0) return undefined;
    const content = expression.slice(at + 1, end);
    if (/[\\\r\n]/.test(content)) return undefined;
    // Two strings side by side do not parse, and emptied they would read as a triple quote.
    if (expression[end + 1] === "'" || expression[end + 1] === '"') return undefined;
    out += expression.slice(from, at + 1);
    from = end;
    at = end;
  }
  return out + expression.slice(from);
}
