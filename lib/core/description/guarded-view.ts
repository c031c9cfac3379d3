import { Undecided } from '../rules/undecided';
import { UnknownValue } from './unknown-value';

/**
 * A view of a described value in which reading an unknown part throws
 * {@link Undecided}: code written over plain JSON (the audit's copy of
 * each resource it read) then stops undecided where it would otherwise
 * have read an unknown value as absent or false.
 * `rename` gives the name each member of an object takes in the view (the
 * REST API's spelling of a name another tool cases differently), in the same pass.
 * A plain object or array with nothing unknown and nothing renamed in it is
 * its own view, not copied (a tenant's live clusters hold no unknown value).
 */
export function guardedView<T>(value: T, rename?: (key: string) => string): T {
  if (value instanceof UnknownValue || value === null || typeof value !== 'object') return value;
  const source = value as unknown as Record<string, unknown>;
  const array = Array.isArray(value);
  const prototype = Object.getPrototypeOf(value);
  const plain = array || prototype === Object.prototype || prototype === null;
  const names = Object.keys(source);
  // Made at the first member that differs from the source's (always for an object that is not plain).
  let out: Record<string, unknown> | unknown[] | undefined = plain ? undefined : {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const v = source[name];
    const key = rename === undefined || array ? name : rename(name);
    const view = v instanceof UnknownValue ? v : guardedView(v, rename);
    if (out === undefined && (key !== name || view !== v || v instanceof UnknownValue)) {
      out = array ? new Array((value as unknown[]).length) : {};
      for (const before of names.slice(0, i)) (out as Record<string, unknown>)[before] = source[before];
    }
    if (out === undefined) continue;
    if (v instanceof UnknownValue) {
      Object.defineProperty(out, key, {
        enumerable: true,
        get: () => {
          throw new Undecided(v.reason);
        },
      });
    } else {
      (out as Record<string, unknown>)[key] = view;
    }
  }
  return (out ?? value) as unknown as T;
}

/** Runs `read`, or gives `undecided(reason)` when it reads an unknown value. */
export function orUndecided<T, U>(read: () => T, undecided: (reason: string) => U): T | U {
  try {
    return read();
  } catch (e) {
    if (e instanceof Undecided) return undecided(e.reason);
    throw e;
  }
}
