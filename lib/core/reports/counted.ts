/**
 * A count with its noun in the number the count calls for: `1 finding`,
 * `0 findings`, `2 errors`. The plural is the singular with an `s` unless given.
 * @internal
 */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
