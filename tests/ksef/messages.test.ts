import { describe, expect, it } from 'vitest';
import pl from '../../lib/i18n/catalog/worker.pl.json';
import en from '../../lib/i18n/catalog/worker.en.json';
import { EXCEPTION_CODES_WITH_MESSAGES, FORBIDDEN_REASONS, ksefMessageKey } from '../../lib/ksef/error-messages';
import { KSEF_ERROR_CODES } from '../../lib/ksef/errors';
import { AUTH_ERROR_CODES } from '../../lib/auth/errors';

const catalogs = { pl: pl as Record<string, { message: string }>, en: en as Record<string, { message: string }> };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const keys = [
  ...KSEF_ERROR_CODES.filter((c) => c !== 'HTTP').map((c) => `ksef_error_${c}`),
  'ksef_error_RATE_LIMITED_SECONDS',
  'ksef_error_HTTP',
  'ksef_error_HTTP_exception',
  'ksef_error_HTTP_401',
  'ksef_error_HTTP_403',
  'ksef_error_HTTP_410',
  'ksef_error_HTTP_5xx',
  ...FORBIDDEN_REASONS.map((r) => `ksef_forbidden_${r.replace(/-/g, '_')}`),
  ...EXCEPTION_CODES_WITH_MESSAGES.map((c) => `ksef_exception_${c}`),
  ...AUTH_ERROR_CODES.map((c) => `auth_error_${c}`),
];

describe('rate-limit messages', () => {
  it.each([
    [4, 'ksef_error_RATE_LIMITED_SECONDS', { seconds: 4 }],
    [59, 'ksef_error_RATE_LIMITED_SECONDS', { seconds: 59 }],
    [60, 'ksef_error_RATE_LIMITED', { minutes: 1 }],
    [61, 'ksef_error_RATE_LIMITED', { minutes: 2 }],
    [3600, 'ksef_error_RATE_LIMITED', { minutes: 60 }],
  ])('a %s s block says %s', (retryAfter, key, params) => {
    expect(ksefMessageKey({ code: 'RATE_LIMITED', retryAfter } as never)).toEqual({ key, params });
  });
});

describe('catalog entries of ksef_ and auth_', () => {
  it.each(keys)('%s exists in Polish and English with the same placeholders', (key) => {
    expect(catalogs.pl[key]?.message, key).toBeTruthy();
    expect(catalogs.en[key]?.message, key).toBeTruthy();
    expect(placeholders(catalogs.en[key]!.message)).toEqual(placeholders(catalogs.pl[key]!.message));
  });

  it('has no ksef_ or auth_ key that nothing uses', () => {
    const ours = Object.keys(catalogs.pl).filter((k) => k.startsWith('ksef_') || k.startsWith('auth_'));
    expect(ours.sort()).toEqual([...keys].sort());
  });

  it.each([
    [{ code: 'HTTP' as const, status: 400, exceptions: [{ code: 21115, description: 'd', details: [] }] }, 'ksef_exception_21115'],
    [{ code: 'HTTP' as const, status: 400, exceptions: [{ code: 1, description: 'd', details: [] }, { code: 21405, description: 'e', details: [] }] }, 'ksef_exception_21405'],
    [{ code: 'HTTP' as const, status: 403, reasonCode: 'ip-not-allowed' }, 'ksef_forbidden_ip_not_allowed'],
    [{ code: 'HTTP' as const, status: 403, reasonCode: 'brand-new-reason' }, 'ksef_error_HTTP_403'],
    [{ code: 'HTTP' as const, status: 502 }, 'ksef_error_HTTP_5xx'],
    [{ code: 'HTTP' as const, status: 404 }, 'ksef_error_HTTP'],
    [{ code: 'TIMEOUT' as const }, 'ksef_error_TIMEOUT'],
  ])('picks the message for %j', (facts, key) => {
    expect(ksefMessageKey(facts).key).toBe(key);
  });
});
