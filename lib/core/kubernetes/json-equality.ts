/**
 * The JSON text of a value with every object's keys sorted: two values equal
 * as JSON, whatever order their keys were written in, give the same text.
 * @internal
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
}

/**
 * Whether two values are the same JSON: exactly when their
 * {@link canonicalJson} texts are equal, decided by walking both once
 * rather than writing them out (no text, no sorted copy of every object).
 * JSON's own readings hold: a member whose value is undefined, a function
 * or a symbol is left out, and in an array it is null; a number that is not
 * finite is null, and -0 is 0. A value other than plain data (a `toJSON`
 * method, a class instance, a bigint) is compared by its text.
 * @internal
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const same = compare(a, b);
  return same === NOT_PLAIN ? canonicalJson(a) === canonicalJson(b) : same;
}

const NOT_PLAIN = Symbol('not plain data');
const ABSENT = Symbol('left out of JSON');

/** A primitive as JSON writes it, ABSENT for what JSON leaves out, NOT_PLAIN for a bigint, or the object itself. */
function reading(v: unknown): unknown {
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
    case 'undefined':
    case 'function':
    case 'symbol':
      return ABSENT;
    case 'bigint':
      return NOT_PLAIN;
    default:
      return v;
  }
}

/** Whether `v` is an array or object JSON writes from its own members alone. */
function isPlain(v: object): boolean {
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(v);
  return Array.isArray(v) ? proto === Array.prototype : proto === Object.prototype || proto === null;
}

function compare(x: unknown, y: unknown): boolean | typeof NOT_PLAIN {
  const a = reading(x);
  const b = reading(y);
  if (a === NOT_PLAIN || b === NOT_PLAIN) return NOT_PLAIN;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if ((a !== null && typeof a === 'object' && !isPlain(a)) || (b !== null && typeof b === 'object' && !isPlain(b))) return NOT_PLAIN;
    return a === b;
  }
  if (!isPlain(a) || !isPlain(b)) return NOT_PLAIN;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) {
      // In an array, what JSON leaves out of an object is written null.
      const same = compare(reading(a[i]) === ABSENT ? null : a[i], reading(other[i]) === ABSENT ? null : other[i]);
      if (same !== true) return same;
    }
    return true;
  }
  const ours = a as Record<string, unknown>;
  const theirs = b as Record<string, unknown>;
  let members = 0;
  for (const key of Object.keys(ours)) {
    if (reading(ours[key]) === ABSENT) continue;
    members++;
    if (!Object.prototype.hasOwnProperty.call(theirs, key) || !Object.prototype.propertyIsEnumerable.call(theirs, key)) return false;
    const same = compare(ours[key], theirs[key]);
    if (same !== true) return same;
  }
  let theirMembers = 0;
  for (const key of Object.keys(theirs)) if (reading(theirs[key]) !== ABSENT) theirMembers++;
  return members === theirMembers;
}
