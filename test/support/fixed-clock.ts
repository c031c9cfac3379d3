import { evaluationClock } from '../../lib';

/**
 * Every test runs on one fixed date ("today" of the support windows), so the
 * support-window rules do not start failing tests as the calendar moves on:
 * on 2026-04-01 every Kubernetes version the test definitions pin (1.33,
 * 1.34) and the newest add-on revision are supported. Tests of the support
 * windows give their own evaluation date.
 */
export const TEST_DATE = new Date(Date.UTC(2026, 3, 1));
evaluationClock.now = () => TEST_DATE;
