import { expect, test } from 'vitest';
import { celCompileProblems } from '../../../lib/core/kubernetes/cel-compile-problems';

test('a list or map literal whose entries have one type compiles, whatever its nesting', () => {
  for (const e of [
    "{'a-external': 'a.example', 'b-external': 'b.example'}",
    "{'a': 3306, 'b': 5432}",
    "{'default/p': {'app': 'pg', 'tier': 'db'}, 'other/q': {'app': 'x'}}",
    "{'default': ['p', 'q'], 'other': []}",
    "object.spec.hosts == [variables.hosts[request.name]] && request.name in ['a', 'b']",
    // An entry whose type is not inferred (dyn) stands for any type, as in cel-go.
    "[object.spec.x, 1, 'a']",
    "['a', string(size(object.spec.x))]",
    '[]',
    '{}',
  ]) {
    expect(celCompileProblems(e), e).toEqual([]);
  }
});

test('a literal that mixes types is refused, where it is, as Kubernetes refuses it', () => {
  // A map of records with a string and an int: the form the API server refuses in a policy's variables.
  expect(celCompileProblems("{'a-external': {'clientPort': 3306, 'host': 'a.example'}}")).toEqual([
    expect.stringMatching(/^entry \['a-external'\]\['host'\] of the literal is string where the entries before it are int: Kubernetes compiles CEL with homogeneous aggregate literals/),
  ]);
  expect(celCompileProblems("{'a': {'b': 1}, 'c': {'d': 'e'}}")).toEqual([expect.stringContaining("entry ['c'] of the literal is map(string, string) where the entries before it are map(string, int)")]);
  expect(celCompileProblems("[['x'], [1]]")).toEqual([expect.stringContaining('entry [1] of the literal is list(int) where the entries before it are list(string)')]);
  // Inside an expression: int and double, int and uint, string and the int of size().
  expect(celCompileProblems('x in [1, 1.0]')).toEqual([expect.stringContaining('the list element at character 9 is double where the entries before it are int')]);
  expect(celCompileProblems("{'a': 1}.all(k, k in ['a', 2u])")).toEqual([expect.stringContaining('is uint where the entries before it are string')]);
  expect(celCompileProblems("['a', size(x)] == y")).toEqual([expect.stringContaining('is int where the entries before it are string')]);
  expect(celCompileProblems("{1: 'a', 'b': 'c'}")).toEqual([expect.stringContaining('the map key at character 9 is string where the entries before it are int')]);
});

test('text that does not parse is refused with the parser\'s reason', () => {
  expect(celCompileProblems('object.spec.(')).toEqual([expect.stringMatching(/^does not parse as CEL: /)]);
});

test('an expression whose type is not the one its field requires is refused; one that may have it is not', () => {
  expect(celCompileProblems("request.name in ['a'] || object.spec.x == 1", 'bool')).toEqual([]);
  expect(celCompileProblems("'denied: ' + request.name + string(object.spec.port)", 'string')).toEqual([]);
  // What is read from object is dyn to Kubernetes' type checker, which refuses it where bool is required.
  expect(celCompileProblems('object.spec.enabled', 'bool')).toEqual(['evaluates to dyn, where Kubernetes requires bool']);
  expect(celCompileProblems("object.metadata.labels['app']", 'string')).toEqual(['evaluates to dyn, where Kubernetes requires string']);
  expect(celCompileProblems('size(object.spec.hosts)', 'bool')).toEqual(['evaluates to int, where Kubernetes requires bool']);
  expect(celCompileProblems("'a' == 'a'", 'string')).toEqual(['evaluates to bool, where Kubernetes requires string']);
  // A value whose type is not inferred here (a variable, a macro's result) may be bool: not refused.
  expect(celCompileProblems('variables.allowed', 'bool')).toEqual([]);
  expect(celCompileProblems('object.spec.hosts.all(h, h != "*")', 'bool')).toEqual([]);
});

test('expressions that differ only in their strings get each their own answer, with positions in their own text', () => {
  // The same tree with strings of other lengths: the one without problems is remembered, the others are not taken from it.
  expect(celCompileProblems("request.name in ['a', 'b'] || object.x == 'link l1'", 'bool')).toEqual([]);
  expect(celCompileProblems("request.name in ['a', 'bcd'] || object.x == 'link l100'", 'bool')).toEqual([]);
  expect(celCompileProblems("request.name in ['a', 'b'] || object.x == 'link l1'", 'string')).toEqual(['evaluates to bool, where Kubernetes requires string']);
  expect(celCompileProblems("x in ['a', 1] || y == 'l1'")).toEqual([expect.stringContaining('the list element at character 11 is int')]);
  expect(celCompileProblems("x in ['abcdef', 1] || y == 'l1'")).toEqual([expect.stringContaining('the list element at character 16 is int')]);
  // A string that ends the expression early in one text and not in another is not the same tree.
  expect(celCompileProblems("'a' + 'b'", 'string')).toEqual([]);
  expect(celCompileProblems("'a\\' + 'b'", 'string')).toEqual([expect.stringMatching(/^does not parse as CEL: /)]);
});
