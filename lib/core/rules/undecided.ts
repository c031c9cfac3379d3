import { Fact, Provenance } from '../description/fact';

/**
 * Thrown inside a rule when it reads a value that is not known: the rule (or
 * the part of it run by `each`) stops and is undecided, never passed. Not an
 * `Error`: it is control flow of the rule engine and never reaches a user.
 */
export class Undecided {
  constructor(
    public readonly reason: string,
    public readonly path?: string,
    public readonly at?: Provenance,
    /** Whether the description does not hold what decides it (a resource not read), rather than holding it unknown. */
    public readonly notHeld = false,
  ) {}

  /** The signal for an unknown fact. */
  public static of(fact: Fact & { state: 'unknown' }): Undecided {
    return new Undecided(fact.reason, fact.path, fact.at);
  }
}
