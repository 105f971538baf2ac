import { describe, expect, it } from 'vitest';
import { defaultPreferences } from '../../lib/store/profiles';
import { initialSyncState } from '../../lib/store/sync-state';
import { openKsefPilotDb } from '../../lib/store/db';
import type { ProfileInput } from '../../lib/store/records';
import { caught, dumpAll, freshStore, makeCertificateInfo, makeKeyPair, makeMetadata, NOW, profileInput } from './helpers';
import { addOpenSession, outboxFile } from './outbox-fixtures';

describe('defaultPreferences', () => {
  it.each([
    ['mid-month', '2026-02-10T12:00:00Z', '2026-02-01'],
    ['the last hour of a month in UTC is already the next month in Warsaw', '2026-01-31T23:30:00Z', '2026-02-01'],
    ['new year in Warsaw', '2025-12-31T23:30:00Z', '2026-01-01'],
  ])('starts the first sync on the first day of the month (%s)', (_name, now, expected) => {
    expect(defaultPreferences(new Date(now)).firstSyncFrom).toBe(expected);
  });

  it('syncs purchases every 15 minutes with notifications in Polish', () => {
    expect(defaultPreferences(NOW)).toEqual({
      autoSync: true,
      intervalMinutes: 15,
      subjectTypes: ['Subject2'],
      firstSyncFrom: '2026-02-01',
      notifications: true,
      language: 'pl',
    });
  });
});

describe('saveProfile, getProfile, listProfiles', () => {
  it('stores a profile with createdAt and updatedAt and reads it back', async () => {
    const { store } = freshStore();
    const saved = await store.saveProfile(profileInput('p1'));
    expect(saved).toEqual({ ...profileInput('p1'), createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    expect(await store.getProfile('p1')).toEqual(saved);
    expect(await store.getProfile('missing')).toBeUndefined();
  });

  it('keeps createdAt and moves updatedAt when a profile is saved again', async () => {
    const { store, setNow } = freshStore();
    await store.saveProfile(profileInput('p1'));
    setNow(new Date('2026-03-01T08:00:00.000Z'));
    const saved = await store.saveProfile(profileInput('p1', { name: 'Nowa nazwa' }));
    expect(saved).toMatchObject({ name: 'Nowa nazwa', createdAt: NOW.toISOString(), updatedAt: '2026-03-01T08:00:00.000Z' });
  });

  it('lists profiles in the order they were added', async () => {
    const { store, setNow } = freshStore();
    await store.saveProfile(profileInput('zeta'));
    setNow(new Date('2026-02-11T00:00:00Z'));
    await store.saveProfile(profileInput('alpha'));
    expect((await store.listProfiles()).map((p) => p.id)).toEqual(['zeta', 'alpha']);
  });

  it('always syncs Subject2 and keeps subject types once each in KSeF order', async () => {
    const { store } = freshStore();
    const input = profileInput('p1');
    const saved = await store.saveProfile({
      ...input,
      preferences: { ...input.preferences, subjectTypes: ['SubjectAuthorized', 'Subject1'] },
    });
    expect(saved.preferences.subjectTypes).toEqual(['Subject1', 'Subject2', 'SubjectAuthorized']);
  });

  it('stores the simulator with its base URL', async () => {
    const { store } = freshStore();
    const saved = await store.saveProfile(
      profileInput('sim', { environment: 'simulator', baseUrl: 'http://127.0.0.1:8123/v2' }),
    );
    expect(saved.baseUrl).toBe('http://127.0.0.1:8123/v2');
  });

  const base = profileInput('p1');
  it.each<[string, ProfileInput, string]>([
    ['a NIP that is not ten digits', { ...base, nip: '526-587-76-35' }, 'saveProfile: invalid nip'],
    ['an empty name', { ...base, name: '   ' }, 'saveProfile: invalid name'],
    ['an unknown environment', { ...base, environment: 'staging' as never }, 'saveProfile: invalid environment'],
    ['the simulator without a base URL', { ...base, environment: 'simulator' }, 'saveProfile: invalid baseUrl'],
    ['a base URL outside the simulator', { ...base, baseUrl: 'https://evil.example/v2' }, 'saveProfile: invalid baseUrl'],
    [
      'a 5-minute interval against production',
      { ...base, environment: 'production', preferences: { ...base.preferences, intervalMinutes: 5 } },
      'saveProfile: invalid preferences.intervalMinutes',
    ],
    [
      'a first-sync date that is not a date',
      { ...base, preferences: { ...base.preferences, firstSyncFrom: '1 lutego' } },
      'saveProfile: invalid preferences.firstSyncFrom',
    ],
    ['an unknown field', { ...base, colour: 'red' } as ProfileInput, 'saveProfile: invalid (record)'],
  ])('refuses %s with INVALID_RECORD', async (_name, input, message) => {
    const { store } = freshStore();
    expect(await caught(store.saveProfile(input))).toMatchObject({ name: 'StoreError', code: 'INVALID_RECORD', message });
    expect(await store.listProfiles()).toEqual([]);
  });

  it('allows a 5-minute interval against TEST', async () => {
    const { store } = freshStore();
    const saved = await store.saveProfile({ ...base, preferences: { ...base.preferences, intervalMinutes: 5 } });
    expect(saved.preferences.intervalMinutes).toBe(5);
  });

  it('refuses a preference named like a password with SECRET_FIELD', async () => {
    const { store } = freshStore();
    const input = { ...base, preferences: { ...base.preferences, keyPassword: 'zażółć' } } as ProfileInput;
    expect(await caught(store.saveProfile(input))).toMatchObject({
      code: 'SECRET_FIELD',
      message: 'saveProfile: refused fields preferences.keyPassword: secrets are never stored',
    });
  });

  it('reports a stored profile of the wrong shape as CORRUPT_RECORD instead of handing it to a page', async () => {
    const { store, factory } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.close();
    const raw = await openKsefPilotDb(factory);
    await raw.put('profiles', { ...(await raw.get('profiles', 'p1'))!, nip: 42 as never });
    raw.close();
    expect(await caught(store.getProfile('p1'))).toMatchObject({
      code: 'CORRUPT_RECORD',
      message: 'getProfile "p1": stored record has invalid nip',
    });
  });

  it.each([
    ['an empty id', () => freshStore().store.getProfile('')],
    ['a number', () => freshStore().store.getProfile(7 as never)],
  ])('checks its argument (%s)', async (_name, call) => {
    expect(await caught(call)).toMatchObject({
      name: 'TypeError',
      message: '"profileId" must be a non-empty string of at most 200 characters',
    });
  });
});

describe('deleteProfileAndData', () => {
  async function populate(store: ReturnType<typeof freshStore>['store'], id: string) {
    await store.saveProfile(profileInput(id));
    const keys = await makeKeyPair();
    await store.saveCredentials(id, { certificate: makeCertificateInfo(), privateKey: keys.privateKey });
    await store.saveTokens(id, {
      accessToken: 'a',
      accessValidUntil: '2026-02-10T13:00:00Z',
      refreshToken: 'r',
      refreshValidUntil: '2026-02-17T12:00:00Z',
    });
    await store.putNewInvoices(id, 'Subject2', [makeMetadata(1), makeMetadata(2)]);
    await store.saveInvoiceXml(id, makeMetadata(1).ksefNumber, { xml: '<Faktura/>' });
    await store.putSyncState(initialSyncState(id, 'Subject2', '2026-02-01T00:00:00+01:00'));
    await store.queueOutboxBatch(id, `batch-${id}`, [outboxFile(1)]);
    await addOpenSession(store, id, `20260210-SO-0123456789-ABCDEF0123-0${id === 'a' ? 1 : 2}`, `batch-${id}`);
    await store.appendLog({ profileId: id, level: 'info', code: 'SYNC_OK', message: 'ok' });
  }

  it('removes everything of one profile and nothing of another, in one call', async () => {
    const { store, factory } = freshStore();
    await populate(store, 'a');
    await populate(store, 'b');
    expect(await store.deleteProfileAndData('a')).toBe(true);

    const dump = await dumpAll(factory);
    for (const name of ['profiles', 'credentials', 'tokens', 'invoices', 'invoiceXml', 'syncState', 'outbox', 'sendSessions'] as const) {
      const owners = dump[name]!.map((r) => (r as { profileId?: string; id?: string }).profileId ?? (r as { id: string }).id);
      expect({ name, owners: [...new Set(owners)] }).toEqual({ name, owners: ['b'] });
    }
    expect(dump.invoices).toHaveLength(2);
    expect(await store.countByState('a')).toEqual({ new: 0, seen: 0, booked: 0 });
    expect(await store.countByState('b')).toEqual({ new: 2, seen: 0, booked: 0 });
    // The activity log holds no secrets and keeps the history of both.
    expect(dump.log).toHaveLength(2);
  });

  it('returns false for a profile that does not exist', async () => {
    const { store } = freshStore();
    expect(await store.deleteProfileAndData('nobody')).toBe(false);
  });

  it('does not let a late write bring a deleted profile back (PROFILE_NOT_FOUND)', async () => {
    const { store } = freshStore();
    await populate(store, 'a');
    await store.deleteProfileAndData('a');
    expect(await caught(store.putNewInvoices('a', 'Subject2', [makeMetadata(9)]))).toMatchObject({
      code: 'PROFILE_NOT_FOUND',
      message: 'putNewInvoices: no profile "a"',
    });
    expect(await store.getInvoice('a', makeMetadata(9).ksefNumber)).toBeUndefined();
  });
});
