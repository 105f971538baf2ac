// One alarm per profile, `sync:<profileId>` (RELIABILITY §2.3 item 2): re-created on every start because
// alarms may be lost on update or restart, with a random first delay so installs do not poll together.
import { MIN_ALARM_MINUTES, syncIntervalMinutes } from '../domain/limits';
import type { Profile } from '../store';
import type { AlarmsApi } from './platform';

export const ALARM_PREFIX = 'sync:';
export { MIN_ALARM_MINUTES };

export function alarmName(profileId: string): string {
  return `${ALARM_PREFIX}${profileId}`;
}

/** The profile id of an alarm named `<prefix><profileId>` (sync and send alarms alike), else undefined. */
export function profileIdAfter(prefix: string, name: string): string | undefined {
  return typeof name === 'string' && name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : undefined;
}

export function profileIdOfAlarm(name: string): string | undefined {
  return profileIdAfter(ALARM_PREFIX, name);
}

/** The profile's period (lib/domain/limits.ts). */
export function intervalMinutes(profile: Pick<Profile, 'environment' | 'preferences'>): number {
  return syncIntervalMinutes(profile);
}

/**
 * Makes the profile's alarm match its preferences. An alarm with the right period is kept (its phase too)
 * unless `reset`; otherwise it is created with a random first delay within one interval. Returns when it
 * fires next (epoch ms), or null when automatic fetching is off.
 */
export async function ensureAlarm(
  alarms: AlarmsApi,
  profile: Pick<Profile, 'id' | 'environment' | 'preferences'>,
  options: { reset: boolean; random: () => number; now: number; existing?: readonly { name: string; periodInMinutes?: number; scheduledTime: number }[] },
): Promise<number | null> {
  const name = alarmName(profile.id);
  if (!profile.preferences.autoSync) {
    await alarms.clear(name);
    return null;
  }
  const period = intervalMinutes(profile);
  const current = (options.existing ?? (await alarms.getAll())).find((alarm) => alarm.name === name);
  if (current && !options.reset && current.periodInMinutes === period) return current.scheduledTime;
  const delay = Math.max(MIN_ALARM_MINUTES, options.random() * period);
  await alarms.create(name, { delayInMinutes: delay, periodInMinutes: period });
  return options.now + delay * 60_000;
}
