import { ClusterDescription } from '../description/cluster-description';
import { Provenance } from '../description/fact';
import { ClusterRuleContext } from '../rules/cluster-rule';
import { Undecided } from '../rules/undecided';
import { Rule } from '../validation/rule';

/** A value read from a cluster's description, or why it is not known. */
export type Reading<T> =
  | { readonly known: true; readonly value: T }
  | { readonly known: false; readonly reason: string; readonly at?: Provenance };

/** What a reading context stands for: no rule of the catalog, and it records no finding. */
const READING: Rule = { id: 'reading', statement: 'reads the facts of a cluster description', sources: [], severity: 'info' };

/**
 * A context that reads a cluster's facts with the same readers the rules use
 * (`isPrivateCluster`, `authorizedRanges`, ...), and only reads.
 */
class ReadingContext extends ClusterRuleContext {
  constructor(cluster: ClusterDescription) {
    super(cluster, READING);
  }

  public override fail(): void {
    throw new Error('a reading context records no finding');
  }
}

/** A context to read the facts of `cluster` with the rules' readers. */
export function readingContext(cluster: ClusterDescription): ClusterRuleContext {
  return new ReadingContext(cluster);
}

/** Runs `read`; an unknown value it meets gives the reason instead of a value. */
export function reading<T>(read: () => T): Reading<T> {
  try {
    return { known: true, value: read() };
  } catch (e) {
    if (e instanceof Undecided) return { known: false, reason: e.reason, at: e.at };
    throw e;
  }
}
