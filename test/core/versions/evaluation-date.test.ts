import { expect, test } from 'vitest';
import { isEvaluationDate } from '../../../lib/core/versions/evaluation-date';

test('a calendar date is one however often it is checked; a text that is not one is refused after one that is', () => {
  for (let i = 0; i < 2; i++) {
    expect(isEvaluationDate('2026-12-01')).toBe(true);
    for (const bad of ['2026-02-30', '2026-12-01 ', '2026-12-1', '', undefined, 20261201]) expect(isEvaluationDate(bad)).toBe(false);
  }
  expect(isEvaluationDate('2028-02-29')).toBe(true);
  expect(isEvaluationDate('2027-02-29')).toBe(false);
});
