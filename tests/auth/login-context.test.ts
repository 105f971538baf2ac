// The login context rule (issue 10): what makes tokens and sync marks another profile's.
import { describe, expect, it } from 'vitest';
import {
  belongsToContext,
  loginContextOf,
  sameLoginContext,
  syncStateInContext,
  whyTokensAreStale,
  type LoginContextKey,
  type LoginOwner,
} from '../../lib/auth/login-context';
import { initialSyncState } from '../../lib/store/sync-state';
import type { Profile, SyncState } from '../../lib/store/records';

const NIP = '5265877635';
const OTHER_NIP = '7680002466';
const SIM = 'http://127.0.0.1:8123/v2';
const FINGERPRINT = '7b2717b585fdfcfbf575bbf7ed15ae301d9964f3031343139eacc08eb29a61b7';
const OTHER_FINGERPRINT = '3de433d73010ca96a4f567ab6a87788a4e58a72dea12721b6924a524b57339c9';

type Fields = Pick<Profile, 'environment' | 'baseUrl' | 'nip'>;
const sim = (baseUrl = SIM, nip = NIP): Fields => ({ environment: 'simulator', baseUrl, nip });
const ksef = (environment: 'test' | 'demo' | 'production', nip = NIP): Fields => ({ environment, nip });
const key = (fields: Fields) => loginContextOf(fields);

describe('loginContextOf', () => {
  it.each<[string, Fields, LoginContextKey]>([
    ['TEST by name', ksef('test'), { environment: 'test', apiBaseUrl: 'https://api-test.ksef.mf.gov.pl/v2', nip: NIP }],
    ['production by name', ksef('production'), { environment: 'production', apiBaseUrl: 'https://api.ksef.mf.gov.pl/v2', nip: NIP }],
    ['the simulator by its address', sim(), { environment: 'simulator', apiBaseUrl: SIM, nip: NIP }],
    ['an address as the client resolves it', sim('http://LOCALHOST:8123/v2/'), { environment: 'simulator', apiBaseUrl: 'http://localhost:8123/v2', nip: NIP }],
  ])('%s', (_name, fields, expected) => {
    expect(loginContextOf(fields)).toEqual(expected);
  });

  it.each<[string, unknown, string]>([
    ['no profile', null, '"profile" must be { environment, baseUrl, nip }'],
    ['a NIP of nine digits', sim(SIM, '526587763'), '"nip" must be ten digits'],
    ['a simulator without an address', { environment: 'simulator', nip: NIP }, '"baseUrl" must be an absolute URL'],
    ['plain http off the loopback', sim('http://example.com/v2'), '"baseUrl" must be an https URL (or http on 127.0.0.1/localhost) without query or credentials'],
  ])('refuses %s with a TypeError', (_name, fields, message) => {
    expect(() => loginContextOf(fields as Fields)).toThrow(new TypeError(message));
  });
});

describe('sameLoginContext', () => {
  it.each<[string, Fields, Fields, boolean]>([
    ['the same profile', sim(), sim(), true],
    ['a trailing slash', sim('http://127.0.0.1:8123/v2/'), sim(), true],
    ['the case of the host', sim('http://LOCALHOST:8123/v2'), sim('http://localhost:8123/v2'), true],
    ['the default port written out', sim('http://localhost:80/v2'), sim('http://localhost/v2'), true],
    ['another NIP', sim(), sim(SIM, OTHER_NIP), false],
    ['another simulator port', sim(), sim('http://127.0.0.1:8124/v2'), false],
    ['without the /v2 prefix', sim(), sim('http://127.0.0.1:8123'), false],
    ['127.0.0.1 and localhost (two hosts to the browser)', sim(), sim('http://localhost:8123/v2'), false],
    ['TEST and DEMO', ksef('test'), ksef('demo'), false],
    ['DEMO and production', ksef('demo'), ksef('production'), false],
  ])('%s → %s', (_name, a, b, same) => {
    expect(sameLoginContext(key(a), key(b))).toBe(same);
    expect(sameLoginContext(key(b), key(a))).toBe(same);
  });
});

describe('belongsToContext', () => {
  it.each<[string, LoginContextKey | undefined, boolean]>([
    ['a record of before issue 10 (no context): the current one', undefined, true],
    ['the current context', key(sim()), true],
    ['another context', key(sim(SIM, OTHER_NIP)), false],
  ])('%s → %s', (_name, recorded, belongs) => {
    expect(belongsToContext(recorded, key(sim()))).toBe(belongs);
  });
});

describe('whyTokensAreStale', () => {
  const owner: LoginOwner = { context: key(sim()), certificate: { fingerprintSha256: FINGERPRINT, storedAt: '2026-02-01T10:00:00.000Z' } };
  const before = '2026-01-31T10:00:00.000Z';
  const after = '2026-02-02T10:00:00.000Z';
  it.each<[string, { loginContext?: LoginContextKey; certificateFingerprint?: string; updatedAt: string }, LoginOwner, 'context' | 'certificate' | null]>([
    ['earned here with this certificate', { loginContext: key(sim()), certificateFingerprint: FINGERPRINT, updatedAt: before }, owner, null],
    ['earned for another NIP', { loginContext: key(sim(SIM, OTHER_NIP)), certificateFingerprint: FINGERPRINT, updatedAt: after }, owner, 'context'],
    ['earned at another address', { loginContext: key(sim('http://127.0.0.1:9999/v2')), certificateFingerprint: FINGERPRINT, updatedAt: after }, owner, 'context'],
    ['earned in another environment', { loginContext: key(ksef('test')), certificateFingerprint: FINGERPRINT, updatedAt: after }, { ...owner, context: key(ksef('demo')) }, 'context'],
    ['earned with another certificate', { loginContext: key(sim()), certificateFingerprint: OTHER_FINGERPRINT, updatedAt: after }, owner, 'certificate'],
    ['before issue 10, used since the certificate was stored', { updatedAt: after }, owner, null],
    ['before issue 10, older than the stored certificate', { updatedAt: before }, owner, 'certificate'],
    ['before issue 10, no certificate to compare (a KSeF token login)', { updatedAt: before }, { context: key(sim()) }, null],
    ['a context change wins over a certificate change', { loginContext: key(sim(SIM, OTHER_NIP)), certificateFingerprint: OTHER_FINGERPRINT, updatedAt: after }, owner, 'context'],
  ])('%s → %s', (_name, tokens, who, reason) => {
    expect(whyTokensAreStale(tokens, who)).toBe(reason);
  });
});

describe('syncStateInContext', () => {
  const here = key(sim());
  const fresh = initialSyncState('org', 'Subject2', '2026-01-31T23:00:00.000Z');
  const progressed: SyncState = {
    ...fresh,
    hwm: '2026-02-10T11:00:00.000Z',
    windowFrom: '2026-02-10T11:00:00.000Z',
    lastSyncAt: '2026-02-10T11:01:00.000Z',
    lastSuccessAt: '2026-02-10T11:01:00.000Z',
    nextSyncAt: '2026-02-10T11:16:00.000Z',
    consecutiveFailures: 2,
    blockedUntil: '2026-02-10T12:00:00.000Z',
    rateLimiter: { windows: { invoiceMetadata: [1] } },
    firstSyncDone: true,
    importedCount: 12,
    pageOffset: 3,
    notices: ['cert_expiring_30:2026-03-01T00:00:00.000Z'],
  };

  it.each<[string, SyncState | undefined, SyncState]>([
    ['nothing stored: the first-sync day, in this context', undefined, { ...fresh, loginContext: here }],
    ['marks of this context: kept', { ...progressed, loginContext: here }, { ...progressed, loginContext: here }],
    ['marks of before issue 10: kept, taken as this context', progressed, { ...progressed, loginContext: here }],
    [
      'marks of another context: a fresh start that keeps the schedule, the limiter and raised notices',
      { ...progressed, loginContext: key(sim(SIM, OTHER_NIP)) },
      {
        ...fresh,
        lastSyncAt: progressed.lastSyncAt,
        nextSyncAt: progressed.nextSyncAt,
        rateLimiter: progressed.rateLimiter,
        notices: progressed.notices,
        loginContext: here,
      },
    ],
  ])('%s', (_name, stored, expected) => {
    expect(syncStateInContext(stored, here, fresh)).toEqual(expected);
  });
});
