/** The mark of an unknown value, shared by every copy of the library loaded in a process. */
const BRAND = Symbol.for('secure-aks.unknown-value');

/**
 * A value a reader cannot know offline: a template expression it does not
 * evaluate, a parameter without a default, a value Pulumi knows only after
 * deployment, a resource that was not read. A rule that needs it is
 * undecided, never passed or failed.
 */
export class UnknownValue {
  /** Recognizes an unknown value of any copy of the library. */
  public static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /**
   * @param reason why the value is not known, in words a reader of the report understands
   *   (`parameter 'enablePrivateCluster' has no default value`)
   * @param symbol a canonical rendering of what the value stands for, equal for two unknown
   *   values that are the same at deployment (the same expression over the same inputs), so
   *   that a reference to a resource whose name is unknown still finds that resource
   */
  constructor(
    public readonly reason: string,
    public readonly symbol?: string,
  ) {
    Object.defineProperty(this, BRAND, { value: true });
  }

  public toString(): string {
    return this.symbol ?? `(unknown: ${this.reason})`;
  }

  /** JSON renders the reason, never a guessed value. */
  public toJSON(): string {
    return this.toString();
  }
}

/** Whether `value` is an {@link UnknownValue}. */
export function isUnknown(value: unknown): value is UnknownValue {
  return value instanceof UnknownValue;
}
