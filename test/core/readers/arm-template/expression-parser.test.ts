import { expect, test } from 'vitest';
import { classifyTemplateString, parseExpression } from '../../../../lib/core/readers/arm-template/expression-parser';

test('parses calls, strings with doubled quotes, numbers, property and index access', () => {
  expect(parseExpression("concat('it''s', parameters('x').a[0], -2)")).toEqual({
    node: {
      kind: 'call',
      name: 'concat',
      args: [
        { kind: 'string', value: "it's" },
        { kind: 'index', target: { kind: 'property', target: { kind: 'call', name: 'parameters', args: [{ kind: 'string', value: 'x' }] }, name: 'a' }, index: { kind: 'number', value: 0 } },
        { kind: 'number', value: -2 },
      ],
    },
  });
});

test('a user-defined function keeps its namespace; whitespace is allowed between tokens', () => {
  expect(parseExpression(" ns.f ( 1 ,'a' ) ")).toEqual({ node: { kind: 'call', name: 'ns.f', args: [{ kind: 'number', value: 1 }, { kind: 'string', value: 'a' }] } });
});

test('fails on malformed expressions with the place', () => {
  expect(parseExpression("concat('a'")).toEqual({ error: "')' expected, the expression ends too early" });
  expect(parseExpression("concat('a)")).toEqual({ error: 'a string is not closed' });
  expect(parseExpression('concat(1) 2')).toEqual({ error: "unexpected '2' at character 11" });
  expect(parseExpression('')).toEqual({ error: 'the expression ends too early' });
  expect(parseExpression('abc + 1')).toEqual({ error: "'(' expected at character 5, found '+'" });
});

test('a string in brackets is an expression; "[[" escapes a literal bracket', () => {
  expect(classifyTemplateString("[parameters('x')]")).toEqual({ expression: "parameters('x')" });
  expect(classifyTemplateString('[[not an expression]')).toEqual({ literal: '[not an expression]' });
  expect(classifyTemplateString('[a] and more')).toEqual({ literal: '[a] and more' });
  expect(classifyTemplateString('plain')).toEqual({ literal: 'plain' });
});
