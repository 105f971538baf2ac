// lib/setup/form-rules.ts: what the options form accepts. The interval floor comes from lib/domain/limits.ts,
// so these tests read it from there instead of restating the number.
import { describe, expect, it } from 'vitest';
import { MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES_KSEF, minIntervalMinutes } from '../../lib/domain/limits';
import { ENVIRONMENTS } from '../../lib/domain/environments';
import { defaultPreferences } from '../../lib/store/profiles';
import { profileSchema } from '../../lib/store/records';
import {
  baseUrlValid,
  canSaveCertificate,
  canSavePreferences,
  draftFromProfile,
  emptyDraft,
  offeredEnvironments,
  organisationValid,
  preferencesValid,
  type OrganisationDraft,
} from '../../lib/setup/form-rules';

const NOW = new Date('2026-02-10T12:00:00Z');
const draft = (overrides: Partial<OrganisationDraft> = {}): OrganisationDraft => ({
  name: 'Biuro', nipInput: '526-587-76-35', environment: 'production', baseUrl: 'http://127.0.0.1:8787/v2', ...overrides,
});
const prefs = (intervalMinutes: number) => ({ ...defaultPreferences(NOW), intervalMinutes });

describe('organisation', () => {
  it('needs a name, a NIP with a correct check digit, and for the simulator a usable address', () => {
    expect(organisationValid(draft())).toBe(true);
    expect(organisationValid(draft({ name: '   ' }))).toBe(false);
    expect(organisationValid(draft({ nipInput: '526-587-76-36' }))).toBe(false);
    expect(organisationValid(draft({ nipInput: 'PL 5265877635' }))).toBe(true);
    expect(organisationValid(draft({ environment: 'simulator', baseUrl: 'ftp://x' }))).toBe(false);
    expect(organisationValid(draft({ environment: 'production', baseUrl: 'ftp://x' }))).toBe(true); // not used there
  });

  it('accepts HTTPS, and plain HTTP only on loopback', () => {
    expect(baseUrlValid('https://sim.example/v2')).toBe(true);
    expect(baseUrlValid('http://localhost:8787/v2')).toBe(true);
    expect(baseUrlValid('http://[::1]:8787/v2')).toBe(true);
    expect(baseUrlValid('http://192.168.0.2/v2')).toBe(false);
    expect(baseUrlValid('not a url')).toBe(false);
  });

  it('offers production first, and the simulator only where allowed', () => {
    expect(offeredEnvironments(false)).toEqual(['production', 'demo', 'test']);
    expect([...offeredEnvironments(true)].sort()).toEqual([...ENVIRONMENTS].sort());
  });

  it('starts a new organisation empty, and loads a saved one as typed', () => {
    expect(emptyDraft()).toMatchObject({ name: '', nipInput: '', environment: 'production' });
    const profile = profileSchema.parse({
      id: 'p1', name: 'Biuro', nip: '5265877635', environment: 'test', preferences: defaultPreferences(NOW),
      createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
    });
    expect(draftFromProfile(profile)).toEqual({ name: 'Biuro', nipInput: '5265877635', environment: 'test', baseUrl: emptyDraft().baseUrl });
  });
});

describe('polling interval', () => {
  it.each(ENVIRONMENTS)('%s: whole minutes from the domain floor up to a day', (environment) => {
    const min = minIntervalMinutes(environment);
    expect(preferencesValid(prefs(min), environment)).toBe(true);
    expect(preferencesValid(prefs(min - 1), environment)).toBe(false);
    expect(preferencesValid(prefs(MAX_INTERVAL_MINUTES), environment)).toBe(true);
    expect(preferencesValid(prefs(MAX_INTERVAL_MINUTES + 1), environment)).toBe(false);
    expect(preferencesValid(prefs(min + 0.5), environment)).toBe(false);
    expect(preferencesValid(prefs(Number.NaN), environment)).toBe(false);
  });

  it('holds DEMO and production to KSeF\'s floor', () => {
    expect(preferencesValid(prefs(MIN_INTERVAL_MINUTES_KSEF - 1), 'production')).toBe(false);
    expect(preferencesValid(prefs(MIN_INTERVAL_MINUTES_KSEF - 1), 'demo')).toBe(false);
  });

  it('accepts exactly what the store keeps', () => {
    for (const environment of ENVIRONMENTS) {
      for (const minutes of [1, 5, 14, 15, 60, 1440, 1441]) {
        const stored = profileSchema.safeParse({
          id: 'p1', name: 'Biuro', nip: '5265877635', environment, preferences: prefs(minutes),
          ...(environment === 'simulator' ? { baseUrl: 'http://127.0.0.1:8787/v2' } : {}),
          createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
        }).success;
        expect([environment, minutes, preferencesValid(prefs(minutes), environment)]).toEqual([environment, minutes, stored]);
      }
    }
  });
});

describe('saving', () => {
  const ok = { draft: draft(), preferences: prefs(MIN_INTERVAL_MINUTES_KSEF), checkPassed: true, busy: false };

  it('saves a certificate only when everything is valid, proven and idle', () => {
    expect(canSaveCertificate(ok)).toBe(true);
    expect(canSaveCertificate({ ...ok, checkPassed: false })).toBe(false);
    expect(canSaveCertificate({ ...ok, busy: true })).toBe(false);
    expect(canSaveCertificate({ ...ok, draft: draft({ name: '' }) })).toBe(false);
    expect(canSaveCertificate({ ...ok, preferences: prefs(MIN_INTERVAL_MINUTES_KSEF - 1) })).toBe(false);
  });

  it('saves preferences only for an existing organisation', () => {
    const base = { profileId: 'p1', draft: draft(), preferences: prefs(MIN_INTERVAL_MINUTES_KSEF), busy: false };
    expect(canSavePreferences(base)).toBe(true);
    expect(canSavePreferences({ ...base, profileId: null })).toBe(false);
    expect(canSavePreferences({ ...base, busy: true })).toBe(false);
    expect(canSavePreferences({ ...base, draft: draft({ nipInput: '1' }) })).toBe(false);
  });
});
