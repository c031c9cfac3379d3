import { ClusterDescription } from '../description/cluster-description';
import { Provenance } from '../description/fact';
import { ClusterRuleContext } from '../rules/cluster-rule';
import { Undecided } from '../rules/undecided';
import { Rules } from '../validation/rule-catalog';

/** A value read from a cluster's description, or why it is not known. */
export type Reading<T> =
  | { readonly known: true; readonly value: T }
  | { readonly known: false; readonly reason: string; readonly at?: Provenance };

/**
 * A context to read a cluster's facts with the same readers the rules use
 * (`isPrivateCluster`, `authorizedRanges`, ...). It only reads: nothing is
 * ever recorded against the rule it names.
 */
export function readingContext(cluster: ClusterDescription): ClusterRuleContext {
  return new ClusterRuleContext(cluster, Rules.publicWithoutRanges);
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
