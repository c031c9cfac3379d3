import { expect, test } from 'vitest';
import { armGuid } from '../../../../lib/core/arm/arm-guid';
import { evaluate, run } from './evaluate-expression';

const T = {
  parameters: { list: { type: 'array', defaultValue: [3, 1, 2] }, obj: { type: 'object', defaultValue: { b: 2, A: 1 } } },
};

test.each([
  ["concat('a', 'b', 1)", 'ab1'],
  ['concat(createArray(1), createArray(2, 3))', [1, 2, 3]],
  ["format('{0}-{1}-{0}', 'x', 2)", 'x-2-x'],
  ["format('{{{0}}}', 'x')", '{x}'],
  ["format('{0:D3}', 7)", '007'],
  ['string(12)', '12'],
  ["string(createObject('a', 1))", '{"a":1}'],
  ["toLower('AbC')", 'abc'],
  ["toUpper('AbC')", 'ABC'],
  ["trim('  a b ')", 'a b'],
  ["replace('a-b-c', '-', '/')", 'a/b/c'],
  ["split('a/b//c', '/')", ['a', 'b', '', 'c']],
  ["split('a,b;c', createArray(',', ';'))", ['a', 'b', 'c']],
  ["startsWith('AKS-prod', 'aks')", true],
  ["endsWith('AKS-prod', 'PROD')", true],
  ["indexOf('abcABC', 'C')", 2],
  ["lastIndexOf('abcABC', 'c')", 5],
  ["indexOf(createArray('a', 'b'), 'b')", 1],
  ["substring('abcdef', 2, 3)", 'cde'],
  ["substring('abcdef', 4)", 'ef'],
  ["padLeft('7', 3, '0')", '007'],
  ["base64('one, two')", 'b25lLCB0d28='],
  ["base64ToString('b25lLCB0d28=')", 'one, two'],
  ["uri('https://a.example/x/', 'y.json')", 'https://a.example/x/y.json'],
  ["guid('a', 'b')", armGuid(['a', 'b'])],
  ["int('42')", 42],
  ["bool('TRUE')", true],
  ['bool(0)', false],
  ["json('{\"a\": [1, null]}')", { a: [1, null] }],
  ["json('null')", null],
  ['true()', true],
  ['null()', null],
  ['createArray(1, createArray(2))', [1, [2]]],
  ["createObject('a', 1, 'b', createArray())", { a: 1, b: [] }],
  ["array('a')", ['a']],
  ["union(createArray(1, 2), createArray(2, 3))", [1, 2, 3]],
  ["union(createObject('a', createObject('x', 1)), createObject('a', createObject('y', 2), 'b', 3))", { a: { x: 1, y: 2 }, b: 3 }],
  ['intersection(createArray(1, 2, 3), createArray(3, 2, 5))', [2, 3]],
  ["intersection(createObject('a', 1, 'b', 2), createObject('a', 1, 'b', 3))", { a: 1 }],
  ['coalesce(null(), null(), 3, 4)', 3],
  ["if(equals(1, 1), 'yes', 'no')", 'yes'],
  ["equals(createObject('a', createArray(1)), createObject('a', createArray(1)))", true],
  ["equals('a', 'A')", false],
  ['not(true())', false],
  ['and(true(), true(), false())', false],
  ['or(false(), true())', true],
  ['less(1, 2)', true],
  ["lessOrEquals('b', 'a')", false],
  ['greater(3, 2)', true],
  ['greaterOrEquals(2, 2)', true],
  ["empty('')", true],
  ['empty(createObject())', true],
  ['empty(null())', true],
  ['empty(createArray(0))', false],
  ["contains('abc', 'b')", true],
  ["contains('abc', 'B')", false],
  ["contains(createObject('Key', 1), 'key')", true],
  ["contains(createArray('a', 'b'), 'c')", false],
  ["length('abcd')", 4],
  ["length(parameters('obj'))", 2],
  ["first(parameters('list'))", 3],
  ["last('xyz')", 'z'],
  ["take(parameters('list'), 2)", [3, 1]],
  ["skip('abcdef', 4)", 'ef'],
  ["min(parameters('list'))", 1],
  ['max(4, 9, 2)', 9],
  ['add(2, 3)', 5],
  ['sub(2, 3)', -1],
  ['mul(4, 3)', 12],
  ['div(-7, 2)', -3],
  ['mod(7, 3)', 1],
  ['range(5, 3)', [5, 6, 7]],
  ["items(parameters('obj'))", [{ key: 'A', value: 1 }, { key: 'b', value: 2 }]],
  ["objectKeys(parameters('obj'))", ['A', 'b']],
  ["tryGet(parameters('obj'), 'missing')", null],
  ["tryGet(parameters('obj'), 'B')", 2],
  ["join(createArray('a', 1), '-')", 'a-1'],
  ["uriComponent('a b/c')", 'a%20b%2Fc'],
  ["shallowMerge(createArray(createObject('a', 1, 'b', 1), createObject('b', 2)))", { a: 1, b: 2 }],
  ['flatten(createArray(createArray(1), createArray(2, 3)))', [1, 2, 3]],
  ["filter(parameters('list'), lambda('x', greater(lambdaVariables('x'), 1)))", [3, 2]],
  ["map(parameters('list'), lambda('x', mul(lambdaVariables('x'), 10)))", [30, 10, 20]],
  ["map(parameters('list'), lambda('x', 'i', lambdaVariables('i')))", [0, 1, 2]],
  ["reduce(parameters('list'), 0, lambda('acc', 'x', add(lambdaVariables('acc'), lambdaVariables('x'))))", 6],
  ["sort(parameters('list'), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))", [1, 2, 3]],
  ["toObject(parameters('list'), lambda('x', string(lambdaVariables('x'))), lambda('x', equals(lambdaVariables('x'), 1)))", { '3': false, '1': true, '2': false }],
  ["mapValues(parameters('obj'), lambda('v', add(lambdaVariables('v'), 1)))", { b: 3, A: 2 }],
  ["parameters('obj').B", 2],
  ["parameters('obj')['a']", 1],
  ['createArray(1, 2)[1]', 2],
])('%s is %j', (expression, expected) => {
  expect(evaluate(expression, T)).toEqual(expected);
});

test('function, parameter and variable names are case-insensitive, as ARM is', () => {
  const template = { parameters: { private: { type: 'bool', defaultValue: true } }, variables: { Name: "[toLower('AKS')]" } };
  expect(evaluate("PARAMETERS('Private')", template)).toBe(true);
  expect(evaluate("Variables('NAME')", template)).toBe('aks');
  expect(evaluate("ConCat(variables('name'), '-1')", template)).toBe('aks-1');
});

test('if evaluates only the branch it selects', () => {
  expect(evaluate("if(true(), 'a', parameters('missing'))")).toBe('a');
  // A parameter the template does not declare is not known (ARM refuses it at deployment); the rest is read.
  const missing = evaluate("if(false(), 'a', parameters('missing'))") as { reason: string };
  expect(missing.reason).toMatch(/no parameter 'missing'/);
});

test('variables may refer to variables and parameters; a copy variable is an array', () => {
  const template = {
    parameters: { n: { type: 'int', defaultValue: 3 } },
    variables: {
      prefix: 'pool',
      pools: "[createArray(variables('one'))]",
      one: "[concat(variables('prefix'), '-1')]",
      copy: [{ name: 'names', count: "[parameters('n')]", input: "[concat(variables('prefix'), copyIndex('names', 1))]" }],
      nested: { copy: [{ name: 'ports', count: 2, input: { port: "[add(80, copyIndex('ports'))]" } }] },
    },
  };
  expect(evaluate("variables('pools')", template)).toEqual(['pool-1']);
  expect(evaluate("variables('names')", template)).toEqual(['pool1', 'pool2', 'pool3']);
  expect(evaluate("variables('nested')", template)).toEqual({ ports: [{ port: 80 }, { port: 81 }] });
});

test('user-defined functions are evaluated with their own parameters', () => {
  const template = {
    functions: [{ namespace: 'contoso', members: { prefixed: { parameters: [{ name: 'name', type: 'string' }], output: { type: 'string', value: "[concat('aks-', parameters('name'))]" } } } }],
  };
  expect(evaluate("contoso.prefixed('prod')", template)).toBe('aks-prod');
  expect(evaluate("Contoso.Prefixed('x')", template)).toBe('aks-x');
  expect(run("contoso.missing('x')", template).problems[0].message).toMatch(/'contoso.missing' is not defined/);
});

test('fails where ARM would refuse the expression: a problem at its place, and the value unknown', () => {
  const { value, problems } = run("substring('abc', 2, 5)");
  expect(problems).toEqual([{ at: { document: 't.json', pointer: '/x' }, message: expect.stringMatching(/substring\(\) outside the text/) }]);
  expect(value).toMatchObject({ reason: expect.stringMatching(/cannot be evaluated/) });
  expect(run("concat('a'").problems[0].message).toMatch(/cannot be read/);
  expect(run('div(1, 0)').problems[0].message).toMatch(/by zero/);
  expect(run("createArray(1)[3]").problems[0].message).toMatch(/outside the array/);
  expect(run("createObject('a', 1).b").problems[0].message).toMatch(/no member 'b'/);
  expect(run("constructor('a')").problems).toEqual([]);
  expect(run("constructor('a')").value).toMatchObject({ reason: "the template function 'constructor' is not evaluated by this reader" });
});

test('fails on text that grows past what a template may hold, instead of exhausting memory', () => {
  const variables: Record<string, string> = { v0: "[padLeft('', 1000, 'x')]" };
  for (let i = 1; i <= 30; i++) variables[`v${i}`] = `[concat(variables('v${i - 1}'), variables('v${i - 1}'))]`;
  expect(run("variables('v30')", { variables }).problems.some((p) => /longer than a template may be/.test(p.message))).toBe(true);
  expect(run("padLeft('a', 100000000, 'x')").problems[0].message).toMatch(/longer than a template may be/);
});
