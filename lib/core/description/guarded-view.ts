import { Undecided } from '../rules/undecided';
import { UnknownValue } from './unknown-value';

/**
 * A copy of a described value in which reading an unknown part throws
 * {@link Undecided}: code written over plain JSON (the Azure Policy
 * evaluator, the encryption coverage, the egress path) then stops undecided
 * where it would otherwise have read an unknown value as absent or false.
 */
export function guardedView<T>(value: T): T {
  if (value instanceof UnknownValue || value === null || typeof value !== 'object') return value;
  const source = value as unknown as Record<string, unknown>;
  const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? new Array(value.length) : {};
  for (const key of Object.keys(source)) {
    const v = source[key];
    if (v instanceof UnknownValue) {
      Object.defineProperty(out, key, {
        enumerable: true,
        get: () => {
          throw new Undecided(v.reason);
        },
      });
    } else {
      (out as Record<string, unknown>)[key] = guardedView(v);
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
