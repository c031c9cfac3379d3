import { isUnknown } from '../../description/unknown-value';
import { TemplateExpressionError, deepEqual, holdsUnknown, typeName, unknownResult } from './arm-value';
import { holdsPlaceholder } from './deployment-scope';
import { ArmFunction, arity, asInteger, asString, knownArgs, placeholderResult } from './function-arguments';

/**
 * `equals`: deep equality. Two texts with a placeholder are equal when they
 * are the same text; otherwise whether they differ is not known.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-comparison#equals
 */
const equals: ArmFunction = (args) => {
  arity('equals', args, 2, 2);
  const [a, b] = args;
  if (holdsUnknown(a) || holdsUnknown(b)) {
    if (!holdsUnknown(a) || !holdsUnknown(b)) return unknownResult('equals', args);
    // The same deterministic unknown on both sides is equal to itself.
    const same = isUnknown(a) && isUnknown(b) && a.symbol !== undefined && a.symbol === b.symbol;
    return same ? true : unknownResult('equals', args);
  }
  if (deepEqual(a, b)) return true;
  if (holdsPlaceholder(a) || holdsPlaceholder(b)) return placeholderResult('equals', args);
  return false;
};

function compare(name: string, test: (order: number) => boolean): ArmFunction {
  return knownArgs(name, 2, 2, ([a, b]) => {
    if (typeof a === 'number' && typeof b === 'number') return test(a - b);
    // Text is compared ordinally.
    const x = asString(name, a);
    const y = asString(name, b);
    return test(x < y ? -1 : x > y ? 1 : 0);
  }, true);
}

/** `coalesce`: the first argument that is not null; unknown when an unknown one comes first. */
const coalesce: ArmFunction = (args) => {
  arity('coalesce', args, 1, Infinity);
  for (const a of args) {
    if (isUnknown(a)) return unknownResult('coalesce', args);
    if (a !== null) return a;
  }
  return null;
};

function arithmetic(name: string, op: (a: number, b: number) => number): ArmFunction {
  return knownArgs(name, 2, 2, ([a, b]) => op(asInteger(name, a), asInteger(name, b)));
}

/**
 * `int`: an integer from a number or decimal text.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric#int
 */
const int = knownArgs('int', 1, 1, ([v]) => {
  if (typeof v === 'number') return Math.trunc(v);
  const s = asString('int', v).trim();
  if (!/^[+-]?\d+$/.test(s)) throw new TemplateExpressionError(`int() of '${s}'`);
  return Number(s);
}, true);

/** `bool`: from a boolean, 'true'/'false' in any case, or 0/1. */
const bool = knownArgs('bool', 1, 1, ([v]) => {
  if (typeof v === 'boolean') return v;
  if (v === 0 || v === 1) return v === 1;
  const s = asString('bool', v).toLowerCase();
  if (s === 'true' || s === 'false') return s === 'true';
  throw new TemplateExpressionError(`bool() of '${s}'`);
}, true);

/** `json`: the value of JSON text. */
const json = knownArgs('json', 1, 1, ([v]) => {
  try {
    return JSON.parse(asString('json', v));
  } catch {
    throw new TemplateExpressionError('json() of text that is not JSON');
  }
}, true);

function divide(name: string, op: (a: number, b: number) => number): ArmFunction {
  return arithmetic(name, (a, b) => {
    if (b === 0) throw new TemplateExpressionError(`${name}() by zero`);
    return op(a, b);
  });
}

/**
 * Logical, comparison, numeric and conversion functions.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-comparison
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric
 */
export const LOGIC_FUNCTIONS: Readonly<Record<string, ArmFunction>> = {
  not: (args) => {
    arity('not', args, 1, 1);
    if (isUnknown(args[0])) return unknownResult('not', args);
    if (typeof args[0] !== 'boolean') throw new TemplateExpressionError(`not() of ${typeName(args[0])}`);
    return !args[0];
  },
  true: (args) => (arity('true', args, 0, 0), true),
  false: (args) => (arity('false', args, 0, 0), false),
  null: (args) => (arity('null', args, 0, 0), null),
  equals,
  less: compare('less', (o) => o < 0),
  lessorequals: compare('lessOrEquals', (o) => o <= 0),
  greater: compare('greater', (o) => o > 0),
  greaterorequals: compare('greaterOrEquals', (o) => o >= 0),
  coalesce,
  int,
  bool,
  json,
  add: arithmetic('add', (a, b) => a + b),
  sub: arithmetic('sub', (a, b) => a - b),
  mul: arithmetic('mul', (a, b) => a * b),
  // Integer division and remainder truncate toward zero, as .NET's do.
  div: divide('div', (a, b) => Math.trunc(a / b)),
  mod: divide('mod', (a, b) => a % b),
};
