// The inbox's address as a notification click opens it: inbox.html?profile=<profileId>&ksef=<n1>,<n2>.
// The query string is untrusted input (anything can open an extension page with any query): bounded and checked.
export interface InboxTarget {
  profileId?: string;
  /** The KSeF numbers to show, as given (the store normalises them). */
  ksefNumbers: string[];
}

/** More than this many numbers in one address are ignored past the limit (a notification names a few). */
export const MAX_TARGET_NUMBERS = 100;
const KSEF_NUMBER = /^[0-9A-Za-z-]{10,64}$/;

/** Reads `?profile=&ksef=` from a location search string. Invalid parts are dropped, never thrown. */
export function parseInboxTarget(search: string): InboxTarget {
  if (typeof search !== 'string') throw new TypeError('"search" must be a string');
  const params = new URLSearchParams(search);
  const profile = params.get('profile') ?? '';
  const profileId = profile !== '' && profile.length <= 200 ? profile : undefined;
  const ksefNumbers = (params.get('ksef') ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => KSEF_NUMBER.test(n))
    .slice(0, MAX_TARGET_NUMBERS);
  return { ...(profileId !== undefined ? { profileId } : {}), ksefNumbers: [...new Set(ksefNumbers)] };
}

/** The inbox address for a set of invoices, the inverse of parseInboxTarget. */
export function inboxTargetSearch(target: InboxTarget): string {
  const params = new URLSearchParams();
  if (target.profileId !== undefined) params.set('profile', target.profileId);
  if (target.ksefNumbers.length > 0) params.set('ksef', target.ksefNumbers.join(','));
  const text = params.toString();
  return text === '' ? '' : `?${text.replace(/%2C/g, ',')}`;
}
