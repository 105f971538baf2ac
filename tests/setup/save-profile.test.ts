// lib/setup/save-profile.ts and requests.ts: what "Zapisz certyfikat" and "Zapisz ustawienia" write, and what
// the page tells the worker. Tokens are not the page's: the worker drops them on profileSaved (issue 10).
import { describe, expect, it } from 'vitest';
import { MIN_INTERVAL_MINUTES_KSEF } from '../../lib/domain/limits';
import type { Request } from '../../lib/messages';
import { loadCredentials } from '../../lib/pki';
import type { OrganisationDraft } from '../../lib/setup/form-rules';
import { deleteProfile, notifyProfileSaved, verifyProfile } from '../../lib/setup/requests';
import { profileInput, saveProfileOnly, saveProfileWithCredentials } from '../../lib/setup/save-profile';
import { defaultPreferences } from '../../lib/store/profiles';
import { freshStore, NOW } from '../store/helpers';
import { PASSWORD, fixture } from '../pki/key-fixtures';

const draft = (overrides: Partial<OrganisationDraft> = {}): OrganisationDraft => ({
  name: '  Biuro Rachunkowe  ', nipInput: 'PL 526-587-76-35', environment: 'test', baseUrl: ' http://127.0.0.1:8787/v2 ', ...overrides,
});

/** A worker stand-in that answers every request and remembers it. */
function worker(answer: (r: Request) => unknown = () => ({ ok: true, result: null })) {
  const sent: Request[] = [];
  return { sent, send: async (r: Request) => (sent.push(r), answer(r)) };
}

const credentials = () =>
  loadCredentials({ certificate: fixture('person-tinpl-ec.crt'), privateKey: fixture('person-tinpl-ec.key'), password: PASSWORD });

describe('profileInput', () => {
  it('trims the name, normalises the NIP, and keeps the page language in the preferences', () => {
    const input = profileInput('p1', draft(), defaultPreferences(NOW), 'en');
    expect(input).toEqual({ id: 'p1', name: 'Biuro Rachunkowe', nip: '5265877635', environment: 'test', preferences: { ...defaultPreferences(NOW), language: 'en' } });
  });

  it('keeps the address only for the simulator, trimmed', () => {
    expect(profileInput('p1', draft({ environment: 'simulator' }), defaultPreferences(NOW), 'pl').baseUrl).toBe('http://127.0.0.1:8787/v2');
    expect('baseUrl' in profileInput('p1', draft({ environment: 'production' }), defaultPreferences(NOW), 'pl')).toBe(false);
  });
});

describe('saving', () => {
  it('stores the profile and its key, then tells the worker', async () => {
    const { store } = freshStore();
    const { sent, send } = worker();
    const creds = await credentials();
    await saveProfileWithCredentials(store, send, profileInput('p1', draft(), defaultPreferences(NOW), 'pl'), creds);
    expect(await store.getProfile('p1')).toMatchObject({ name: 'Biuro Rachunkowe', nip: '5265877635' });
    const saved = await store.getCredentials('p1');
    expect(saved?.certificate.fingerprintSha256).toBe(creds.certificate.fingerprintSha256);
    expect(saved?.privateKey?.extractable).toBe(false);
    expect(sent).toEqual([{ type: 'profileSaved', profileId: 'p1' }]);
  });

  it('saves preferences and keeps the certificate', async () => {
    const { store } = freshStore();
    const { sent, send } = worker();
    await saveProfileWithCredentials(store, send, profileInput('p1', draft(), defaultPreferences(NOW), 'pl'), await credentials());
    const preferences = { ...defaultPreferences(NOW), intervalMinutes: MIN_INTERVAL_MINUTES_KSEF * 2, notifications: false };
    await saveProfileOnly(store, send, profileInput('p1', draft({ name: 'Nowa nazwa' }), preferences, 'en'));
    expect(await store.getProfile('p1')).toMatchObject({ name: 'Nowa nazwa', preferences: { intervalMinutes: MIN_INTERVAL_MINUTES_KSEF * 2, notifications: false, language: 'en' } });
    expect(await store.getCredentials('p1')).toBeDefined();
    expect(sent.map((r) => r.type)).toEqual(['profileSaved', 'profileSaved']);
  });

  it('does not fail a save when the worker does not answer: the store already holds the change', async () => {
    const { store } = freshStore();
    const { send } = worker(() => undefined);
    await saveProfileOnly(store, send, profileInput('p1', draft(), defaultPreferences(NOW), 'pl'));
    expect(await store.getProfile('p1')).toBeDefined();
    await expect(notifyProfileSaved(async () => Promise.reject(new Error('no receiver')), 'p1')).resolves.toBeUndefined();
  });

  it('refuses a profile the store would not keep, with the store\'s code, and tells nobody', async () => {
    const { store } = freshStore();
    const { sent, send } = worker();
    const input = profileInput('p1', draft({ environment: 'production' }), { ...defaultPreferences(NOW), intervalMinutes: 1 }, 'pl');
    await expect(saveProfileOnly(store, send, input)).rejects.toMatchObject({ name: 'StoreError', code: 'INVALID_RECORD' });
    expect(sent).toEqual([]);
  });
});

describe('requests to the worker', () => {
  it('verifies and deletes through the worker, passing its coded errors on', async () => {
    const report = { ok: true };
    const { sent, send } = worker((r) => (r.type === 'verifyProfile' ? { ok: true, result: report } : { ok: false, error: { code: 'NOT_FOUND', message: 'Nie ma takiej organizacji.' } }));
    await expect(verifyProfile(send, 'p1')).resolves.toEqual(report);
    await expect(deleteProfile(send, 'p1')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Nie ma takiej organizacji.' });
    expect(sent).toEqual([{ type: 'verifyProfile', profileId: 'p1' }, { type: 'deleteProfile', profileId: 'p1' }]);
  });
});
