import type { z } from 'zod';

let loaded: typeof z | undefined;

/**
 * zod, loaded on first use. zod's main entry loads all of zod with its
 * locales (about 40 ms); the input schemas are built only when an input is
 * first checked, so importing the library costs none of it. Types come from
 * `import type { z } from 'zod'`.
 * @internal
 */
export const zod: typeof z = new Proxy({} as typeof z, {
  get(_target, key) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded ??= (require('zod') as typeof import('zod')).z;
    return (loaded as unknown as Record<PropertyKey, unknown>)[key];
  },
});

/**
 * A schema built on first use: module-level schemas stay cheap to import. The
 * proxy forwards every read to the built schema (methods bound to it), so it
 * composes into other schemas like the schema itself.
 * @internal
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get(_target, key) {
      const r = real();
      const value = Reflect.get(r, key, r);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(r) : value;
    },
    has: (_target, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Object.getPrototypeOf(real()),
    set: (_target, key, value) => Reflect.set(real(), key, value),
  });
}
