import { DescribedValue } from '../description/described-value';
import { ClusterRuleContext } from './cluster-rule';
import { ResourceCondition } from './resource-condition';
import { Undecided } from './undecided';

/**
 * Whether `condition` holds at `at` (the cluster's body, a node pool's
 * profile, or an element of a list), as the rule engine decides it: an
 * unknown value it needs stops it undecided. `allOf`, `anyOf` and `some`
 * decide on what is known when that is enough (one false part makes `allOf`
 * false, one true part makes `anyOf` and `some` true), and are undecided
 * otherwise, so an unknown part never hides a decided one.
 */
export function conditionHolds(c: ClusterRuleContext, condition: ResourceCondition, at: DescribedValue = c.cluster.root): boolean {
  switch (condition.kind) {
    case 'is': {
      const fact = factAt(c, at, condition.path);
      return typeof condition.value === 'boolean' ? c.bool(fact) === condition.value : same(c.text(fact), condition.value);
    }
    case 'in': {
      const text = c.text(factAt(c, at, condition.path));
      return condition.values.some((v) => same(text, v));
    }
    case 'exists': {
      const fact = factAt(c, at, condition.path);
      // Read like any other fact: the evidence shows what the rule decided on.
      c.observed.push(fact);
      if (fact.state === 'unknown') throw Undecided.of(fact);
      return fact.state === 'known';
    }
    case 'not':
      return !conditionHolds(c, condition.condition, at);
    case 'allOf':
      return decide(condition.conditions.map((x) => () => conditionHolds(c, x, at)), false);
    case 'anyOf':
      return decide(condition.conditions.map((x) => () => conditionHolds(c, x, at)), true);
    case 'some':
      return decide(c.list(condition.path, at).map((element) => () => conditionHolds(c, condition.where, element)), true);
    case 'prefixLonger': {
      const length = prefixLength(c.text(condition.path === '' ? at.asFact() : at.fact(condition.path)));
      return length !== undefined && length > condition.length;
    }
  }
}

/** The `<n>` of a CIDR block `<address>/<n>`, as Azure Policy's `int(last(split(prefix, '/')))` reads it; `undefined` for anything else. */
function prefixLength(text: string | undefined): number | undefined {
  const m = text === undefined ? null : /\/(\d+)$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The fact at `path` from `at`: the cluster's own, read once per audit, when `at` is the cluster's body. */
function factAt(c: ClusterRuleContext, at: DescribedValue, path: string) {
  return at === c.cluster.root ? c.cluster.fact(path) : at.fact(path);
}

/**
 * Three-valued `anyOf` (`decisive` true) or `allOf` (`decisive` false): the
 * decisive answer if any part gives it, else undecided if any part is, else
 * the other answer.
 */
function decide(parts: readonly (() => boolean)[], decisive: boolean): boolean {
  let undecided: Undecided | undefined;
  for (const part of parts) {
    try {
      if (part() === decisive) return decisive;
    } catch (e) {
      if (!(e instanceof Undecided)) throw e;
      undecided ??= e;
    }
  }
  if (undecided) throw undecided;
  return !decisive;
}

/** Whether a value is the text `b`, as ARM compares names and enum values (without regard to case). */
function same(a: unknown, b: string): boolean {
  return typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
}
