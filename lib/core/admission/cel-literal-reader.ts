import { answersByText } from '../memo/answers-by-text';

/**
 * The value of a CEL expression that is only a literal of data, the form
 * `celLiteral` writes (single-quoted strings escaping only `\\` and `\'`,
 * decimal `int`s, `true`, `false`, lists, and maps with string keys), read
 * without the CEL parser: a policy's variables hold one such literal per kind
 * of guarded object, with an entry per object, and the general parser takes
 * about a second for a literal of a thousand entries. Anything else (another
 * escape, a comment, a trailing comma, a repeated map key, an expression) is
 * not read: `undefined`, and the caller parses the text as CEL.
 * @see https://github.com/google/cel-spec/blob/master/doc/langdef.md#syntax
 * @internal
 */
export function readCelLiteral(text: string): unknown {
  const reader = new LiteralReader(text);
  try {
    const value = reader.value();
    reader.spaces();
    return reader.atEnd() ? value : undefined;
  } catch (e) {
    if (e === NOT_A_LITERAL) return undefined;
    throw e;
  }
}

/**
 * {@link readCelLiteral}, once per text in this process: the synth check of
 * what the API server compiles and the offline admission evaluation read the
 * same variables, a literal of a thousand entries each.
 * @internal
 */
export const celLiteralOf: (text: string) => unknown = answersByText(readCelLiteral);

const NOT_A_LITERAL = Symbol('not a literal');
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A cursor over the text; each method reads one form or throws NOT_A_LITERAL. */
class LiteralReader {
  private at = 0;

  public constructor(private readonly text: string) {}

  public atEnd(): boolean {
    return this.at === this.text.length;
  }

  public spaces(): void {
    while (this.at < this.text.length && ' \t\r\n'.includes(this.text[this.at])) this.at++;
  }

  public value(): unknown {
    this.spaces();
    const c = this.text[this.at];
    if (c === "'") return this.string();
    if (c === '[') return this.list();
    if (c === '{') return this.map();
    if (c !== undefined && c >= '0' && c <= '9') return this.int();
    for (const [word, v] of [['true', true], ['false', false]] as const) {
      if (this.text.startsWith(word, this.at) && !/[A-Za-z0-9_]/.test(this.text[this.at + word.length] ?? '')) {
        this.at += word.length;
        return v;
      }
    }
    throw NOT_A_LITERAL;
  }

  private string(): string {
    this.at++;
    // Most strings hold no escape and no line break: one slice up to the closing quote.
    const end = this.text.indexOf("'", this.at);
    if (end >= 0) {
      const plain = this.text.slice(this.at, end);
      if (!/[\\\r\n]/.test(plain)) {
        this.at = end + 1;
        return plain;
      }
    }
    let out = '';
    for (;;) {
      const c = this.text[this.at++];
      if (c === undefined || c === '\n' || c === '\r') throw NOT_A_LITERAL;
      if (c === "'") return out;
      if (c === '\\') {
        const escaped = this.text[this.at++];
        if (escaped !== '\\' && escaped !== "'") throw NOT_A_LITERAL;
        out += escaped;
      } else {
        out += c;
      }
    }
  }

  private int(): bigint {
    const m = /^(0|[1-9][0-9]*)(?![0-9A-Za-z_.])/.exec(this.text.slice(this.at, this.at + 21));
    if (!m) throw NOT_A_LITERAL;
    const v = BigInt(m[1]);
    if (v < INT64_MIN || v > INT64_MAX) throw NOT_A_LITERAL;
    this.at += m[1].length;
    return v;
  }

  private list(): unknown[] {
    return this.entries(']', () => this.value());
  }

  private map(): Map<string, unknown> {
    const out = new Map<string, unknown>();
    this.entries('}', () => {
      this.spaces();
      if (this.text[this.at] !== "'") throw NOT_A_LITERAL;
      const key = this.string();
      this.spaces();
      if (this.text[this.at++] !== ':') throw NOT_A_LITERAL;
      // CEL refuses a map literal with a repeated key: leave that to the parser.
      if (out.has(key)) throw NOT_A_LITERAL;
      out.set(key, this.value());
    });
    return out;
  }

  /** Comma-separated items up to `close` (no trailing comma). */
  private entries<T>(close: string, item: () => T): T[] {
    const out: T[] = [];
    this.at++;
    this.spaces();
    if (this.text[this.at] === close) {
      this.at++;
      return out;
    }
    for (;;) {
      out.push(item());
      this.spaces();
      const c = this.text[this.at++];
      if (c === close) return out;
      if (c !== ',') throw NOT_A_LITERAL;
    }
  }
}
