import { Rules } from '../validation/rule-catalog';
import { Violation } from '../validation/violation';

/**
 * A calendar date, `YYYY-MM-DD`, in UTC: the day the support windows are judged on.
 * @category Support windows
 */
export type EvaluationDate = string;

/**
 * The clock that gives "today" when no evaluation date is given: the only
 * input of the rules that is not in what they read. Tests set it; nothing
 * else should.
 * @category Support windows
 */
export const evaluationClock = { now: (): Date => new Date() };

/**
 * Today in UTC, as `YYYY-MM-DD`, by {@link evaluationClock}.
 * @internal
 */
export function todayInUtc(): EvaluationDate {
  return evaluationClock.now().toISOString().slice(0, 10);
}

/** The last text found to be a calendar date. */
let lastCalendarDate: string | undefined;

/**
 * Whether `value` is a real calendar date written `YYYY-MM-DD` (no 2026-02-30).
 * @internal
 */
export function isEvaluationDate(value: unknown): value is EvaluationDate {
  if (typeof value !== 'string') return false;
  // A tenant's audit checks its one date for every cluster.
  if (value === lastCalendarDate) return true;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return false;
  lastCalendarDate = value;
  return true;
}

/**
 * The violation of an evaluation date that is not a calendar date, at `property`; `undefined` when it is one.
 * @internal
 */
export function evaluationDateViolation(value: unknown, property: string): Violation | undefined {
  if (value === undefined || isEvaluationDate(value)) return undefined;
  return { rule: Rules.evaluationDate, property, value, fix: 'give a calendar date as YYYY-MM-DD, e.g. 2026-12-01 (UTC), or leave it out for today' };
}

/**
 * The first instant of the day `date` (UTC).
 * @internal
 */
export function startOfDay(date: EvaluationDate): Date {
  return new Date(`${date}T00:00:00Z`);
}
