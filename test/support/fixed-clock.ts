import { revisionClock } from '../../lib';

/**
 * Every test runs on one fixed date, so the end-of-life warning of the Istio
 * add-on revisions does not start failing tests as the calendar moves on.
 * Tests of that warning set their own date.
 */
export const TEST_DATE = new Date(Date.UTC(2026, 10, 1));
revisionClock.now = () => TEST_DATE;
