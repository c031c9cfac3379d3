import { isUnknown } from '../../description/unknown-value';
import { ArmLambda, JsonObject, TemplateExpressionError, holdsUnknown, typeName, unknownResult } from './arm-value';
import { ArmFunction, arity, asArray, asObject, asString } from './function-arguments';

function asLambda(name: string, value: unknown): ArmLambda {
  if (!(value instanceof ArmLambda)) throw new TemplateExpressionError(`${name}() expects a lambda, not ${typeName(value)}`);
  return value;
}

/** The lambda's result over an element (and its index, when the lambda takes two). */
function apply(fn: ArmLambda, values: readonly unknown[]): unknown {
  return fn.invoke(values.slice(0, Math.max(fn.parameters.length, 1)));
}

/** A lambda function over an array that must be known as a whole (its elements may be unknown). */
function overArray(name: string, min: number, body: (list: readonly unknown[], args: readonly unknown[]) => unknown): ArmFunction {
  return (args) => {
    arity(name, args, min, min);
    if (isUnknown(args[0])) return unknownResult(name, args);
    return body(asArray(name, args[0]), args);
  };
}

/**
 * Lambda functions, as Azure Verified Modules' templates use them.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-lambda
 */
export const LAMBDA_FUNCTIONS: Readonly<Record<string, ArmFunction>> = {
  filter: overArray('filter', 2, (list, args) => {
    const fn = asLambda('filter', args[1]);
    const keep = list.map((v, i) => apply(fn, [v, i]));
    if (keep.some(isUnknown)) return unknownResult('filter', args);
    return list.filter((_, i) => keep[i] === true);
  }),
  map: overArray('map', 2, (list, args) => {
    const fn = asLambda('map', args[1]);
    return list.map((v, i) => apply(fn, [v, i]));
  }),
  reduce: overArray('reduce', 3, (list, args) => {
    const fn = asLambda('reduce', args[2]);
    return list.reduce((acc, v, i) => apply(fn, [acc, v, i]), args[1]);
  }),
  sort: overArray('sort', 2, (list, args) => {
    const fn = asLambda('sort', args[1]);
    let unknown = false;
    const sorted = [...list].sort((a, b) => {
      const before = apply(fn, [a, b]);
      if (isUnknown(before)) unknown = true;
      return before === true ? -1 : 1;
    });
    return unknown ? unknownResult('sort', args) : sorted;
  }),
  toobject: (args) => {
    arity('toObject', args, 2, 3);
    if (isUnknown(args[0])) return unknownResult('toObject', args);
    const keyOf = asLambda('toObject', args[1]);
    const valueOf = args[2] === undefined ? undefined : asLambda('toObject', args[2]);
    const out: JsonObject = {};
    for (const v of asArray('toObject', args[0])) {
      const key = apply(keyOf, [v]);
      if (holdsUnknown(key)) return unknownResult('toObject', args);
      out[asString('toObject', key)] = valueOf ? apply(valueOf, [v]) : v;
    }
    return out;
  },
  mapvalues: (args) => {
    arity('mapValues', args, 2, 2);
    if (isUnknown(args[0])) return unknownResult('mapValues', args);
    const fn = asLambda('mapValues', args[1]);
    return Object.fromEntries(Object.entries(asObject('mapValues', args[0])).map(([k, v]) => [k, apply(fn, [v])]));
  },
};
