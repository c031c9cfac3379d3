/**
 * A deep copy of a Pulumi resource's inputs in which every value that cannot
 * be read is `unknown()`: CrossGuard's unknown-checking proxy throws when a
 * value Pulumi does not know yet is read, which would otherwise stop every
 * rule of the resource instead of the ones that need that value. A value for
 * which `isUnknown` holds (a marker a reader recognises) is `unknown()` too.
 * @see https://www.pulumi.com/docs/iac/using-pulumi/crossguard/core-concepts/
 * @internal
 */
export function readableInputs(value: unknown, unknown: () => unknown, isUnknown: (v: unknown) => boolean = () => false): unknown {
  if (isUnknown(value)) return unknown();
  if (value === null || typeof value !== 'object') return value;
  const read = (get: () => unknown): unknown => {
    try {
      return readableInputs(get(), unknown, isUnknown);
    } catch {
      return unknown();
    }
  };
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => read(() => value[i]));
  return Object.fromEntries(Object.keys(value).map((k) => [k, read(() => (value as Record<string, unknown>)[k])]));
}
