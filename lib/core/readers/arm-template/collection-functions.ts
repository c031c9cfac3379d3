import { isUnknown } from '../../description/unknown-value';
import { JsonObject, TemplateExpressionError, deepEqual, holdsUnknown, isObject, memberOf, typeName, unknownResult } from './arm-value';
import { ArmFunction, arity, asArray, asInteger, asObject, asString, knownArgs } from './function-arguments';

/** Keys in the order ARM's `items()` and `objectKeys()` return them: alphabetical. */
function sortedKeys(object: JsonObject): string[] {
  return Object.keys(object).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
}

/**
 * `union`: arrays without duplicates, objects merged (later wins), nested
 * objects merged recursively.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-object#union
 */
function unionOf(values: readonly unknown[]): unknown {
  if (values.every(Array.isArray)) {
    const out: unknown[] = [];
    for (const list of values as unknown[][]) for (const v of list) if (!out.some((o) => deepEqual(o, v))) out.push(v);
    return out;
  }
  if (values.every(isObject)) {
    const out: JsonObject = {};
    for (const o of values as JsonObject[]) {
      for (const [k, v] of Object.entries(o)) {
        const existing = out[k];
        out[k] = (isObject(existing) && isObject(v)) || (Array.isArray(existing) && Array.isArray(v)) ? unionOf([existing, v]) : v;
      }
    }
    return out;
  }
  throw new TemplateExpressionError('union() of arrays, or of objects');
}

const union: ArmFunction = (args) => {
  arity('union', args, 1, Infinity);
  if (args.some(isUnknown) || args.some((a) => Array.isArray(a) && a.some(holdsUnknown))) return unknownResult('union', args);
  // Object members may be unknown: the merged keys are still known, unless one object's member meets another's unknown.
  return unionOf(args);
};

const intersection: ArmFunction = knownArgs('intersection', 1, Infinity, (args) => {
  if (args.every(Array.isArray)) return (args[0] as unknown[]).filter((v, i, all) => all.findIndex((o) => deepEqual(o, v)) === i && args.every((a) => (a as unknown[]).some((o) => deepEqual(o, v))));
  if (args.every(isObject)) {
    const [first, ...rest] = args as JsonObject[];
    return Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((o) => k in o && deepEqual(o[k], v))));
  }
  throw new TemplateExpressionError('intersection() of arrays, or of objects');
});

/** `empty`: whether null, '', [] or {}; an array or object is not empty even when its members are unknown. */
const empty: ArmFunction = (args) => {
  arity('empty', args, 1, 1);
  const v = args[0];
  if (isUnknown(v)) return unknownResult('empty', args);
  if (v === null) return true;
  if (typeof v === 'string' || Array.isArray(v)) return v.length === 0;
  if (isObject(v)) return Object.keys(v).length === 0;
  throw new TemplateExpressionError(`empty() of ${typeName(v)}`);
};

const length: ArmFunction = (args) => {
  arity('length', args, 1, 1);
  const v = args[0];
  if (Array.isArray(v)) return v.length;
  if (isObject(v)) return Object.keys(v).length;
  return knownArgs('length', 1, 1, ([s]) => asString('length', s).length, true)(args, undefined as never);
};

/**
 * `contains`: an array's element, an object's key (without regard to case),
 * or a substring (with regard to case).
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#contains
 */
const contains: ArmFunction = (args) => {
  arity('contains', args, 2, 2);
  const [container, item] = args;
  if (isUnknown(container) || holdsUnknown(item)) return unknownResult('contains', args);
  if (Array.isArray(container)) {
    if (container.some((c) => !holdsUnknown(c) && deepEqual(c, item))) return true;
    return container.some(holdsUnknown) ? unknownResult('contains', args) : false;
  }
  if (isObject(container)) return memberOf(container, asString('contains', item)) !== undefined;
  return knownArgs('contains', 2, 2, ([s, sub]) => asString('contains', s).includes(typeof sub === 'number' ? String(sub) : asString('contains', sub)), true)(args, undefined as never);
};

function ends(name: string, last: boolean): ArmFunction {
  return (args) => {
    arity(name, args, 1, 1);
    const v = args[0];
    if (Array.isArray(v)) return v.length === 0 ? null : v[last ? v.length - 1 : 0];
    return knownArgs(name, 1, 1, ([s]) => {
      const text = asString(name, s);
      return text.length === 0 ? '' : text[last ? text.length - 1 : 0];
    }, true)(args, undefined as never);
  };
}

function slice(name: string, fromStart: boolean): ArmFunction {
  return (args) => {
    arity(name, args, 2, 2);
    const [v, n] = args;
    if (isUnknown(n) || isUnknown(v)) return unknownResult(name, args);
    const count = Math.max(0, asInteger(name, n));
    if (Array.isArray(v)) return fromStart ? v.slice(0, count) : v.slice(count);
    return knownArgs(name, 2, 2, ([s]) => (fromStart ? asString(name, s).slice(0, count) : asString(name, s).slice(count)), true)(args, undefined as never);
  };
}

function extreme(name: string, pick: (values: number[]) => number): ArmFunction {
  return knownArgs(name, 1, Infinity, (args) => {
    const values = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    if (values.length === 0) throw new TemplateExpressionError(`${name}() of nothing`);
    return pick(values.map((v) => asInteger(name, v)));
  });
}

/**
 * Array and object functions.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-object
 */
export const COLLECTION_FUNCTIONS: Readonly<Record<string, ArmFunction>> = {
  createarray: (args) => [...args],
  createobject: (args) => {
    if (args.length % 2 !== 0) throw new TemplateExpressionError('createObject() takes key and value pairs');
    if (args.some((a, i) => i % 2 === 0 && isUnknown(a))) return unknownResult('createObject', args);
    const out: JsonObject = {};
    for (let i = 0; i < args.length; i += 2) out[asString('createObject', args[i])] = args[i + 1];
    return out;
  },
  array: (args) => {
    arity('array', args, 1, 1);
    if (isUnknown(args[0])) return unknownResult('array', args);
    return Array.isArray(args[0]) ? args[0] : [args[0]];
  },
  union,
  intersection,
  empty,
  length,
  contains,
  first: ends('first', false),
  last: ends('last', true),
  take: slice('take', true),
  skip: slice('skip', false),
  min: extreme('min', (v) => Math.min(...v)),
  max: extreme('max', (v) => Math.max(...v)),
  range: knownArgs('range', 2, 2, ([start, count]) => {
    const from = asInteger('range', start);
    const n = asInteger('range', count);
    if (n < 0 || n > 10000) throw new TemplateExpressionError(`range() of ${n} elements`);
    return Array.from({ length: n }, (_, i) => from + i);
  }),
  items: (args) => {
    arity('items', args, 1, 1);
    if (isUnknown(args[0])) return unknownResult('items', args);
    const o = asObject('items', args[0]);
    return sortedKeys(o).map((key) => ({ key, value: o[key] }));
  },
  objectkeys: (args) => {
    arity('objectKeys', args, 1, 1);
    if (isUnknown(args[0])) return unknownResult('objectKeys', args);
    return sortedKeys(asObject('objectKeys', args[0]));
  },
  /** `tryGet(object, key, ...)`: the member, or null where there is none (Bicep's `.?`). */
  tryget: (args) => {
    arity('tryGet', args, 2, Infinity);
    let current: unknown = args[0];
    for (const key of args.slice(1)) {
      if (current === null || current === undefined) return null;
      if (isUnknown(current) || isUnknown(key)) return unknownResult('tryGet', args);
      if (Array.isArray(current)) current = current[asInteger('tryGet', key)];
      else if (isObject(current)) current = memberOf(current, asString('tryGet', key));
      else throw new TemplateExpressionError(`tryGet() of ${typeName(current)}`);
    }
    return current === undefined ? null : current;
  },
  shallowmerge: (args) => {
    arity('shallowMerge', args, 1, 1);
    if (isUnknown(args[0])) return unknownResult('shallowMerge', args);
    const list = asArray('shallowMerge', args[0]);
    if (list.some(isUnknown)) return unknownResult('shallowMerge', args);
    return Object.assign({}, ...list.map((o) => asObject('shallowMerge', o)));
  },
  flatten: (args) => {
    arity('flatten', args, 1, 1);
    if (isUnknown(args[0])) return unknownResult('flatten', args);
    const list = asArray('flatten', args[0]);
    if (list.some(isUnknown)) return unknownResult('flatten', args);
    return list.flatMap((l) => asArray('flatten', l));
  },
};

