/**
 * How Checkov's Python checks see the values of a parsed ARM template, for the
 * replicas in checkov-arm-checks.ts: Python's truthiness, equality, `str()` and
 * `in`, and the exceptions where Python raises (Checkov then gives no verdict).
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/common/parsers/yaml/loader.py
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/common/util/data_structures_utils.py
 */

/** Where Checkov's Python would raise (TypeError, AttributeError, ...): the check errors and gives no verdict. */
export class CheckovWouldRaise extends Error {
  constructor(what: string) {
    super(`Checkov's check would raise: ${what}`);
    this.name = 'CheckovWouldRaise';
  }
}

export const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Python's truth value of a parsed JSON value. Checkov's loader adds
 * `__startline__` and `__endline__` to every mapping, so no object is empty,
 * and every object, `{}` included, is true.
 */
export function pyTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** Python's `==` on parsed JSON values: `True == 1`, `False == 0`, and deep equality of lists and dicts. */
export function pyEquals(a: unknown, b: unknown): boolean {
  const num = (v: unknown) => (typeof v === 'boolean' ? Number(v) : v);
  if ((typeof a === 'number' || typeof a === 'boolean') && (typeof b === 'number' || typeof b === 'boolean')) return num(a) === num(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  if (isDict(a) && isDict(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && pyEquals(a[k], b[k]));
  }
  return a === b || (a === undefined && b === null) || (a === null && b === undefined);
}

/** Python's `str(v).lower()`, only as far as comparing it with a lower-case word: booleans print as True/False. */
export function pyStrLower(v: unknown): string {
  if (v === undefined || v === null) return 'none';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return v.toLowerCase();
  if (typeof v === 'number') return String(v).toLowerCase();
  // a list or dict prints with brackets: never a bare word
  return `<${typeof v}>`;
}

/** Python's `needle in container`: a key of a dict, an element of a list, a substring of a str; anything else raises. */
export function pyIn(needle: unknown, container: unknown): boolean {
  if (typeof container === 'string') {
    if (typeof needle !== 'string') throw new CheckovWouldRaise(`'in <string>' requires string as left operand`);
    return container.includes(needle);
  }
  if (Array.isArray(container)) return container.some((x) => pyEquals(x, needle));
  if (isDict(container)) {
    if (isDict(needle) || Array.isArray(needle)) throw new CheckovWouldRaise('unhashable type');
    return typeof needle === 'string' && Object.prototype.hasOwnProperty.call(container, needle);
  }
  throw new CheckovWouldRaise(`argument of type ${container === null ? 'NoneType' : typeof container} is not iterable`);
}

/** Python's `d.get(key)`: only a dict has it. */
export function pyGet(d: unknown, key: string): unknown {
  if (!isDict(d)) throw new CheckovWouldRaise(`'${Array.isArray(d) ? 'list' : typeof d}' object has no attribute 'get'`);
  return Object.prototype.hasOwnProperty.call(d, key) ? d[key] : undefined;
}

/**
 * Checkov's `find_in_dict`: a `/`-separated path whose `[n]` segments index a
 * list; `undefined` (Python's None) where any step is missing or of the wrong kind.
 */
export function findInDict(conf: unknown, keyPath: string): unknown {
  let value: unknown = conf;
  for (const key of keyPath.split('/')) {
    if (key.startsWith('[') && key.endsWith(']')) {
      if (!Array.isArray(value)) return undefined;
      const idx = Number(key.slice(1, -1));
      if (!Number.isInteger(idx)) return undefined;
      // Python's negative indices count from the end; out of range is an IndexError, caught
      value = value[idx < 0 ? value.length + idx : idx];
      if (value === undefined) return undefined;
      continue;
    }
    if (!isDict(value)) return undefined;
    value = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
    if (value === undefined || value === null) return undefined;
  }
  return value === null ? undefined : value;
}
