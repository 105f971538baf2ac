// KSeF's limits that more than one layer must agree on (NOTES §7.2, §9; DESIGN "Decisions"). The store's record
// check, the scheduler and the options form all read these, so a profile the form accepts is one the store
// keeps and the scheduler runs at the interval shown.
import { isStrictEnvironment, type Environment } from './environments';

/**
 * Never poll DEMO or production more often than every 15 minutes per subject type (NOTES §7.2: "not more often
 * than every 15 min per subject type on PRD"; §9: the metadata query allows 20 requests an hour per context
 * and IP; DESIGN: "never shorter against DEMO or production").
 */
export const MIN_INTERVAL_MINUTES_KSEF = 15;

/**
 * TEST and the simulator may go down to one minute. TEST's limits equal production's since KSeF 2.5.0 (NOTES §9),
 * but TEST holds only shared test data and the request budget (lib/ksef/rate-limit-budgets.ts) and any
 * Retry-After block still hold every call within those limits; a short interval there helps integrators test.
 */
export const MIN_INTERVAL_MINUTES = 1;

/** Once a day is the longest automatic interval offered. */
export const MAX_INTERVAL_MINUTES = 24 * 60;

/** The default interval of a new profile: the shortest one allowed everywhere (DESIGN "Decisions"). */
export const DEFAULT_INTERVAL_MINUTES = MIN_INTERVAL_MINUTES_KSEF;

/** The shortest automatic interval a profile in this environment may use, in minutes. */
export function minIntervalMinutes(environment: Environment): number {
  return isStrictEnvironment(environment) ? MIN_INTERVAL_MINUTES_KSEF : MIN_INTERVAL_MINUTES;
}

/** Whether `minutes` is an interval the store keeps and the scheduler runs unchanged for this environment. */
export function intervalAllowed(minutes: number, environment: Environment): boolean {
  return Number.isInteger(minutes) && minutes >= minIntervalMinutes(environment) && minutes <= MAX_INTERVAL_MINUTES;
}

/** Chrome's shortest alarm period since Chrome 120 (packed extensions). */
export const MIN_ALARM_MINUTES = 0.5;

/**
 * The period a profile is polled at: its preference, never under its environment's floor nor Chrome's
 * shortest alarm. The scheduler (lib/worker/schedule.ts) and the status pages (lib/views) both read it.
 */
export function syncIntervalMinutes(profile: { environment: Environment; preferences: { intervalMinutes: number } }): number {
  return Math.max(minIntervalMinutes(profile.environment), MIN_ALARM_MINUTES, profile.preferences.intervalMinutes);
}
