import { UnknownValue, isUnknown } from '../../description/unknown-value';

/**
 * A lambda of ARM's lambda functions (`filter`, `map`, `reduce`, ...): its
 * parameter names, and its body bound to where it was written.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-lambda
 */
export class ArmLambda {
  constructor(
    public readonly parameters: readonly string[],
    /** Evaluates the body with the parameters bound to `values`, in order. */
    public readonly invoke: (values: readonly unknown[]) => unknown,
  ) {}
}

/** Thrown while evaluating an expression that ARM would refuse: caught per template string and reported there. */
export class TemplateExpressionError extends Error {}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value) && !(value instanceof ArmLambda);
}

/** Whether `value` is or holds an unknown value, at any depth. */
export function holdsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(holdsUnknown);
  if (isObject(value)) {
    for (const k in value) if (holdsUnknown(value[k])) return true;
  }
  return false;
}

/** The first unknown value held by `value`, at any depth. */
export function firstUnknown(value: unknown): UnknownValue | undefined {
  if (isUnknown(value)) return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const u = firstUnknown(v);
      if (u) return u;
    }
  } else if (isObject(value)) {
    for (const k in value) {
      const u = firstUnknown(value[k]);
      if (u) return u;
    }
  }
  return undefined;
}

/**
 * A canonical rendering of a value for an unknown value's symbol: strings
 * quoted, unknowns by their symbol. Undefined when an unknown held has no
 * symbol (then nothing built from it has one).
 */
export function renderForSymbol(value: unknown): string | undefined {
  if (isUnknown(value)) return value.symbol;
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(renderForSymbol);
    return parts.every((p) => p !== undefined) ? `[${parts.join(',')}]` : undefined;
  }
  if (isObject(value)) {
    const parts = Object.keys(value).sort().map((k) => {
      const v = renderForSymbol(value[k]);
      return v === undefined ? undefined : `'${k}':${v}`;
    });
    return parts.every((p) => p !== undefined) ? `{${parts.join(',')}}` : undefined;
  }
  return undefined;
}

/**
 * The unknown result of the deterministic function `name` over `args`, some
 * unknown: it has a symbol when every unknown argument has one, so the same
 * call over the same inputs is recognized as the same value.
 */
export function unknownResult(name: string, args: readonly unknown[]): UnknownValue {
  const unknown = args.map(firstUnknown).find((u) => u !== undefined) ?? new UnknownValue(`${name}() of an unknown value`);
  const rendered = args.map(renderForSymbol);
  if (rendered.some((r) => r === undefined)) return new UnknownValue(unknown.reason);
  return new UnknownValue(unknown.reason, `[${name}(${rendered.join(', ')})]`);
}

/**
 * Text joined from parts, some unknown: a symbol is the known text with each
 * unknown part's symbol in place, so `concat('vnet-', x)` and
 * `format('vnet-{0}', x)` are the same value.
 */
export function unknownText(parts: readonly unknown[]): UnknownValue {
  const unknown = parts.map(firstUnknown).find((u) => u !== undefined) ?? new UnknownValue('text of an unknown value');
  let symbol: string | undefined = '';
  const flat: (string | UnknownValue)[] = [];
  for (const part of parts) {
    if (isUnknown(part)) {
      symbol = part.symbol === undefined || symbol === undefined ? undefined : symbol + part.symbol;
      flat.push(...(TEXT_PARTS.get(part) ?? [part]));
    } else if (typeof part === 'string') {
      if (symbol !== undefined) symbol += part;
      flat.push(part);
    } else {
      return new UnknownValue(unknown.reason);
    }
  }
  const out = new UnknownValue(unknown.reason, symbol);
  TEXT_PARTS.set(out, flat);
  return out;
}

const TEXT_PARTS = new WeakMap<UnknownValue, readonly (string | UnknownValue)[]>();

/**
 * The known and unknown parts an unknown text was joined from
 * (`concat(parameters('cluster'), '/pool')` is the parameter, then `/pool`),
 * so that its known separators can still be read; the value itself when it
 * was not joined.
 */
export function textParts(value: UnknownValue): readonly (string | UnknownValue)[] {
  return TEXT_PARTS.get(value) ?? [value];
}

/** ARM's deep equality (object keys compared as written, as `equals` does). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** A member of an object by name, compared without regard to case as ARM does. */
export function memberOf(object: JsonObject, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(object, name)) return object[name];
  const lower = name.toLowerCase();
  for (const k in object) if (k.toLowerCase() === lower) return object[k];
  return undefined;
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof ArmLambda) return 'a lambda';
  if (isUnknown(value)) return 'unknown';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
