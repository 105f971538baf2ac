// Notification ids carry what a click needs, because the worker that raised one is usually gone when the
// user clicks. New-invoice ids start with the profile and the oldest invoice announced: a repeat of the same
// batch after a kill clears the earlier id of that batch first, so one batch is one notification.

export type ParsedNotificationId =
  | { kind: 'new'; profileId: string; oldest: string; count: number }
  | { kind: 'notice'; profileId: string; notice: string };

export function newInvoicesNotificationId(profileId: string, oldestKsefNumber: string, count: number): string {
  return `${batchPrefix(profileId, oldestKsefNumber)}${count}`;
}

/** Every id of one batch starts with this. */
export function batchPrefix(profileId: string, oldestKsefNumber: string): string {
  return `new|${encodeURIComponent(profileId)}|${oldestKsefNumber}|`;
}

export function noticeNotificationId(profileId: string, notice: string): string {
  return `notice|${encodeURIComponent(profileId)}|${notice}`;
}

export function profilePrefixes(profileId: string): string[] {
  const id = encodeURIComponent(profileId);
  return [`new|${id}|`, `notice|${id}|`];
}

export function parseNotificationId(id: string): ParsedNotificationId | undefined {
  if (typeof id !== 'string') return undefined;
  const parts = id.split('|');
  try {
    if (parts[0] === 'new' && parts.length === 4) {
      const count = Number(parts[3]);
      if (!Number.isInteger(count) || count < 1 || !parts[2]) return undefined;
      return { kind: 'new', profileId: decodeURIComponent(parts[1]!), oldest: parts[2], count };
    }
    if (parts[0] === 'notice' && parts.length === 3 && parts[2]) {
      return { kind: 'notice', profileId: decodeURIComponent(parts[1]!), notice: parts[2] };
    }
  } catch {
    // A malformed escape: not one of ours.
  }
  return undefined;
}
