import { ExpressionNode } from './expression-syntax';

/** A parsed expression, or why the text is not one. */
export type ParsedExpression = { readonly node: ExpressionNode } | { readonly error: string };

/**
 * Parses the inside of an ARM template expression, e.g.
 * `concat('aks-', parameters('name')).length` (function names with an
 * optional `namespace.` prefix for user-defined functions, single-quoted
 * strings where `''` is one quote, integers, `.name` and `[index]` access).
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions
 */
export function parseExpression(text: string): ParsedExpression {
  const parser = new Parser(text);
  try {
    const node = parser.expression();
    parser.skipSpace();
    if (!parser.atEnd()) return { error: parser.unexpected() };
    return { node };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { error: e.message };
    throw e;
  }
}

class SyntaxProblem extends Error {}

const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_PART = /[A-Za-z0-9_$.]/;
const MEMBER_PART = /[A-Za-z0-9_$-]/;

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  public atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  public skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  public unexpected(): string {
    return this.atEnd() ? 'the expression ends too early' : `unexpected '${this.text[this.pos]}' at character ${this.pos + 1}`;
  }

  public expression(): ExpressionNode {
    this.skipSpace();
    let node = this.primary();
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '.') {
        this.pos++;
        this.skipSpace();
        const start = this.pos;
        while (this.pos < this.text.length && MEMBER_PART.test(this.text[this.pos])) this.pos++;
        if (start === this.pos) throw new SyntaxProblem(`a property name is expected at character ${this.pos + 1}`);
        node = { kind: 'property', target: node, name: this.text.slice(start, this.pos) };
      } else if (c === '[') {
        this.pos++;
        const index = this.expression();
        this.expect(']');
        node = { kind: 'index', target: node, index };
      } else {
        return node;
      }
    }
  }

  private primary(): ExpressionNode {
    const c = this.text[this.pos];
    if (c === "'") return this.string();
    if (c !== undefined && /[0-9-]/.test(c)) return this.number();
    if (c !== undefined && IDENTIFIER_START.test(c)) return this.call();
    throw new SyntaxProblem(this.unexpected());
  }

  private string(): ExpressionNode {
    this.pos++;
    let value = '';
    for (;;) {
      const end = this.text.indexOf("'", this.pos);
      if (end < 0) throw new SyntaxProblem('a string is not closed');
      value += this.text.slice(this.pos, end);
      this.pos = end + 1;
      if (this.text[this.pos] !== "'") return { kind: 'string', value };
      value += "'";
      this.pos++;
    }
  }

  private number(): ExpressionNode {
    const m = /^-?[0-9]+(\.[0-9]+)?/.exec(this.text.slice(this.pos));
    if (!m) throw new SyntaxProblem(this.unexpected());
    this.pos += m[0].length;
    return { kind: 'number', value: Number(m[0]) };
  }

  private call(): ExpressionNode {
    const start = this.pos;
    while (this.pos < this.text.length && IDENTIFIER_PART.test(this.text[this.pos])) this.pos++;
    const name = this.text.slice(start, this.pos);
    this.skipSpace();
    this.expect('(');
    const args: ExpressionNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return { kind: 'call', name, args };
    }
    for (;;) {
      args.push(this.expression());
      this.skipSpace();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect(')');
      return { kind: 'call', name, args };
    }
  }

  private expect(c: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== c) throw new SyntaxProblem(this.atEnd() ? `'${c}' expected, the expression ends too early` : `'${c}' expected at character ${this.pos + 1}, found '${this.text[this.pos]}'`);
    this.pos++;
  }
}

/**
 * What a template string is: an expression (`[...]`), or a literal. A string
 * that starts with `[[` is the literal without its first bracket.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters
 */
export function classifyTemplateString(value: string): { readonly literal: string } | { readonly expression: string } {
  if (value.length >= 2 && value[0] === '[' && value[value.length - 1] === ']') {
    if (value[1] === '[') return { literal: value.slice(1) };
    return { expression: value.slice(1, -1) };
  }
  return { literal: value };
}
