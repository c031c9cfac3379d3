import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { ReadProblem } from '../description/described-resource';

/** A document's text, or why its bytes are not text. */
export type DecodedDocument = { readonly text: string } | { readonly problem: ReadProblem };

/** A document's JSON value, or where and why it is not JSON that ARM accepts. */
export type ParsedDocument = { readonly value: unknown } | { readonly problems: readonly ReadProblem[] };

/**
 * The text of a document's bytes: UTF-8, with or without a byte order mark,
 * or UTF-16 (little or big endian) with its byte order mark, which is what
 * Windows PowerShell 5.1's `>` and `Out-File` write.
 * @see https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_character_encoding
 */
export function decodeDocument(bytes: Uint8Array, document: string): DecodedDocument {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)) };
    // TextDecoder drops a UTF-8 byte order mark by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: { at: { document, pointer: '' }, message: 'not text: neither UTF-8 nor UTF-16 with a byte order mark' } };
  }
}

/**
 * Parses JSON as Azure Resource Manager accepts it in templates: `//` and
 * `/* *\/` comments, trailing commas, and raw line breaks and tabs inside
 * strings (a multi-line query of an alert rule). Plain `JSON.parse` first:
 * Azure Resource Graph output can be tens of megabytes.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax#comments-and-metadata
 */
export function parseJsonDocument(text: string, document: string): ParsedDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const skipped = body.length === text.length ? 0 : 1;
  try {
    return { value: JSON.parse(body) };
  } catch {
    // Not strict JSON: read it as ARM does, below.
  }
  const escaped = escapeControlCharactersInStrings(body);
  const errors: ParseError[] = [];
  const value = parse(escaped.text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length === 0) return { value };
  const lines = lineStarts(text);
  const problems = errors.slice(0, 10).map((e) => {
    const { line, column } = lineAndColumn(lines, escaped.originalOffset(e.offset) + skipped);
    return { at: { document, pointer: '' }, message: `line ${line}, column ${column}: ${describeError(printParseErrorCode(e.error))}` };
  });
  return { problems };
}

function describeError(code: string): string {
  // jsonc-parser's codes are PascalCase words: `CommaExpected` reads "comma expected".
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The text with raw control characters inside strings escaped, and a map from its offsets back to the original's. */
function escapeControlCharactersInStrings(text: string): { text: string; originalOffset: (offset: number) => number } {
  // For each character an escape adds, the offset in the escaped text where that escape ends.
  const inserted: number[] = [];
  let out = '';
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i++;
      while (i < n) {
        const s = text.charCodeAt(i);
        if (s === 0x5c /* \ */) {
          i += 2;
          continue;
        }
        if (s === 0x22) break;
        if (s < 0x20) {
          out += text.slice(last, i);
          const escape = s === 0x0a ? '\\n' : s === 0x0d ? '\\r' : s === 0x09 ? '\\t' : `\\u${s.toString(16).padStart(4, '0')}`;
          out += escape;
          for (let k = 1; k < escape.length; k++) inserted.push(out.length);
          last = i + 1;
        }
        i++;
      }
      i++;
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else {
      i++;
    }
  }
  if (inserted.length === 0) return { text, originalOffset: (o) => o };
  out += text.slice(last);
  return {
    text: out,
    originalOffset: (offset) => offset - countBelow(inserted, offset + 1),
  };
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) starts.push(i + 1);
  return starts;
}

/** One-based line and column of `offset`. */
function lineAndColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  const line = countBelow(starts, offset + 1);
  return { line, column: offset - starts[line - 1] + 1 };
}
