import { Yaml } from 'cdk8s';
import { answersByText } from '../core/memo/answers-by-text';

/**
 * The text cdk8s's `Yaml.stringify(...docs)` writes, byte for byte, written
 * directly for the documents that are plain JSON: maps and lists of strings,
 * booleans and safe integers, with no object met twice. Any other document
 * (a `null`, a fraction, a string across lines, an object met twice, which
 * YAML would write as an anchor and an alias, a key that is not a plain word)
 * is written by cdk8s itself. A string value that is not a plain word is
 * quoted as YAML quotes it, or written as YAML writes that string alone: on one
 * line its quoting does not depend on where it stands.
 *
 * The YAML library builds a node tree of every document before writing it,
 * which made up a third of the CPU time of an estate's synth.
 * @see https://yaml.org/spec/1.1/#id864510 (plain scalars)
 * @internal
 */
export function yamlText(...docs: readonly unknown[]): string {
  return docs.map((doc) => (doc === undefined ? Yaml.stringify(doc) : (blockMap(doc) ?? Yaml.stringify(doc)))).join('---\n');
}

/** Thrown inside a document the direct writer leaves to cdk8s; never leaves this file. */
class NotPlainJson {}
const NOT_PLAIN_JSON = new NotPlainJson();

/** A document's text when it is a non-empty map of plain JSON; `undefined` otherwise. */
function blockMap(doc: unknown): string | undefined {
  if (!isMap(doc) || Object.keys(doc).length === 0) return undefined;
  const out = { text: '' };
  try {
    writeMap(doc, '', '', out, new Set());
  } catch (e) {
    if (e === NOT_PLAIN_JSON) return undefined;
    throw e;
  }
  return out.text;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;
}

/** YAML writes an object met a second time in one document as an alias of the first. */
function once(value: object, seen: Set<object>): void {
  if (seen.has(value)) throw NOT_PLAIN_JSON;
  seen.add(value);
}

/**
 * A map's entries at `indent`, a line each, nested collections on the lines below;
 * the first line starts with `first` (a list item's `- `).
 */
function writeMap(map: Record<string, unknown>, indent: string, first: string, out: { text: string }, seen: Set<object>): void {
  once(map, seen);
  let start = first;
  for (const key of Object.keys(map)) {
    if (!isPlainWord(key)) throw NOT_PLAIN_JSON;
    out.text += `${start}${key}:`;
    start = indent;
    writeValue(map[key], indent, out, seen);
  }
}

/** A map entry's value, after its key: on the same line, or on the lines below. */
function writeValue(value: unknown, indent: string, out: { text: string }, seen: Set<object>): void {
  if (isList(value)) {
    if (value.length === 0) {
      out.text += ' []\n';
      return;
    }
    out.text += '\n';
    // YAML indents a list under its key.
    writeList(value, `${indent}  `, out, seen);
  } else if (isMap(value)) {
    if (Object.keys(value).length === 0) {
      out.text += ' {}\n';
      return;
    }
    out.text += '\n';
    writeMap(value, `${indent}  `, `${indent}  `, out, seen);
  } else {
    out.text += ` ${scalar(value)}\n`;
  }
}

/** A list's items at `indent`: a map's first entry on the item's own line, after `- `. */
function writeList(list: readonly unknown[], indent: string, out: { text: string }, seen: Set<object>): void {
  once(list, seen);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (isMap(item) && Object.keys(item).length > 0) {
      writeMap(item, `${indent}  `, `${indent}- `, out, seen);
    } else if (isMap(item)) {
      once(item, seen);
      out.text += `${indent}- {}\n`;
    } else if (isList(item)) {
      throw NOT_PLAIN_JSON;
    } else {
      out.text += `${indent}- ${scalar(item)}\n`;
    }
  }
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return stringText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  throw NOT_PLAIN_JSON;
}

/**
 * Text YAML 1.1 reads back as this same string, written plain: a letter first,
 * then printable ASCII without `: ` or ` #`, not ending in a space or a colon
 * (https://yaml.org/spec/1.1/#id864510), and no word YAML 1.1 reads as a
 * boolean or null (https://yaml.org/type/bool.html, https://yaml.org/type/null.html).
 * Keys longer than 1,024 characters are written as explicit keys: those are left to cdk8s.
 */
function isPlainWord(text: string): boolean {
  return text.length < 1000 && /^[A-Za-z][\x20-\x7e]*$/.test(text) && !/: | #|[ :]$/.test(text) && !YAML_1_1_WORDS.test(text);
}

const YAML_1_1_WORDS = /^(?:y|yes|n|no|true|false|on|off|null)$/i;

/**
 * A line YAML never writes plain: an indicator first, `-` or `?` alone or before a blank,
 * a colon before a blank, a blank before `#`, a blank or colon last.
 * @see https://yaml.org/spec/1.1/#id868988 (plain scalars)
 */
const NEVER_PLAIN = /^(?:[\t ,[\]{}#&*!|>'"%@`]|[?-](?:$|[\t ]))|:[\t ]|[\t ]#|[\t :]$/;

/** A string across lines, or starting like a directive or a document marker: its text depends on where it stands. */
function notOneLine(text: string): boolean {
  return /[\n\r\u2028\u2029]/.test(text) || /^(?:%|---|\.\.\.)/.test(text);
}

/** Characters YAML writes only double-quoted, with its own escapes. */
const YAML_ESCAPED = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/**
 * A string value as YAML writes it. A plain word as is. One YAML never writes
 * plain is quoted as YAML quotes it: single quotes when it holds a double quote
 * and no single quote, otherwise double quotes, as JSON writes them when JSON
 * needs no `\u` escape. Anything else (a string YAML might read as a number or
 * a date, a character YAML escapes) is written as YAML writes that string alone.
 */
function stringText(text: string): string {
  if (isPlainWord(text)) return text;
  if (!notOneLine(text) && !YAML_ESCAPED.test(text) && NEVER_PLAIN.test(text)) {
    if (text.includes('"') && !text.includes("'")) return `'${text}'`;
    const json = JSON.stringify(text);
    if (!json.includes('\\u')) return json;
  }
  return stringAlone(text);
}

/**
 * A string as YAML writes it alone (quoted when it must be), when that text is
 * one line: then it is the same text wherever the string stands. A string across
 * lines, or starting like a document marker, is written by cdk8s with its document.
 */
function stringAlone(text: string): string {
  const written = writtenAlone(text);
  if (written === undefined) throw NOT_PLAIN_JSON;
  return written;
}

const writtenAlone = answersByText((text: string): string | undefined => {
  if (notOneLine(text)) return undefined;
  const written = Yaml.stringify(text);
  return /^[^\n]*\n$/.test(written) ? written.slice(0, -1) : undefined;
});
