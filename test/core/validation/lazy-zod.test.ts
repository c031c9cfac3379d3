import { z } from 'zod';
import { expect, test } from 'vitest';
import { lazySchema, zod } from '../../../lib/core/validation/lazy-zod';

test('a lazy schema is built on first use, once, and behaves as the schema itself, composed or alone', () => {
  let builds = 0;
  const inner = lazySchema(() => {
    builds++;
    return zod.strictObject({ name: zod.string() });
  });
  const outer = lazySchema(() => zod.strictObject({ inner: inner.optional(), list: zod.array(inner) }));
  expect(builds).toBe(0);
  expect(outer.safeParse({ inner: { name: 'a' }, list: [{ name: 'b' }] }).success).toBe(true);
  const bad = outer.safeParse({ inner: { name: 1, extra: true }, list: [] });
  expect(bad.success).toBe(false);
  expect(bad.error!.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
    ['invalid_type', 'inner.name'],
    ['unrecognized_keys', 'inner'],
  ]);
  expect(builds).toBe(1);
  expect(inner instanceof z.ZodObject).toBe(true);
});
