import { Undecided } from '../rules/undecided';
import { UnknownValue } from './unknown-value';

/**
 * A copy of a described value in which reading an unknown part throws
 * {@link Undecided}: code written over plain JSON (the audit's copy of
 * each resource it read) then stops undecided where it would otherwise
 * have read an unknown value as absent or false.
 * `rename` gives the name each member of an object takes in the copy (the
 * REST API's spelling of a name another tool cases differently), in the same pass.
 */
export function guardedView<T>(value: T, rename?: (key: string) => string): T {
  if (value instanceof UnknownValue || value === null || typeof value !== 'object') return value;
  const source = value as unknown as Record<string, unknown>;
  const array = Array.isArray(value);
  const out: Record<string, unknown> | unknown[] = array ? new Array(value.length) : {};
  for (const name of Object.keys(source)) {
    const v = source[name];
    const key = rename === undefined || array ? name : rename(name);
    if (v instanceof UnknownValue) {
      Object.defineProperty(out, key, {
        enumerable: true,
        get: () => {
          throw new Undecided(v.reason);
        },
      });
    } else {
      (out as Record<string, unknown>)[key] = guardedView(v, rename);
    }
  }
  return out as unknown as T;
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
