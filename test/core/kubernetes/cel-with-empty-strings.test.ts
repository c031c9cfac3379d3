import { expect, test } from 'vitest';
import { parseCel } from '../../../lib/core/kubernetes/cel-parse';
import { celWithEmptyStrings } from '../../../lib/core/kubernetes/cel-with-empty-strings';

test('each string literal loses its content, in single or double quotes, raw or bytes, and nothing else changes', () => {
  expect(celWithEmptyStrings("request.name in ['a', \"b's\"] && m[\"k\"] == r'x/y' + b'z' + '' + 'x // y'")).toBe(
    "request.name in ['', \"\"] && m[\"\"] == r'' + b'' + '' + ''",
  );
  expect(celWithEmptyStrings('object.spec.x.size() <= 1')).toBe('object.spec.x.size() <= 1');
});

test('the result parses to a tree of the same kinds of nodes, with empty strings', () => {
  const text = "'link \"l100\" must keep ' + variables.h[request.name] + ', port ' + string(443) in ['a', 'b']";
  const kinds = (expression: string): string =>
    JSON.stringify((parseCel(expression) as any).expr, (key, value) =>
      key === 'id' ? undefined : typeof value === 'bigint' ? String(value) : typeof value === 'string' && key === 'value' ? '' : value,
    );
  expect(kinds(celWithEmptyStrings(text)!)).toBe(kinds(text));
});

test('text whose strings the parser reads otherwise than as plain content has no such form', () => {
  for (const text of [
    "'a\\'b' == x", // an escape
    "'a\\nb' == x",
    "'''a''' == x", // a triple-quoted string may hold quotes and line breaks
    '"""a""" == x',
    "x == 'a\nb'", // a line break ends no string: the text does not parse
    "x == 'a", // not closed
    "x == 1 // a comment's quote: '", // a comment may hold a quote
    "x == 'a''b'", // two strings side by side: emptied, they would start a triple-quoted string
    'x == "a""b"',
  ]) {
    expect(celWithEmptyStrings(text), text).toBeUndefined();
  }
});
