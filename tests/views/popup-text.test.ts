// What the popup says (issue 16): recent times as said ("dziś 16:09", B17), the summary line (B8), the end of
// "Sprawdź teraz" (B6), and KSeF's announced break and the last successful check in the status (B4).
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n';
import { initialSyncState } from '../../lib/store/sync-state';
import type { SyncState } from '../../lib/store/records';
import { getProfileStatus } from '../../lib/views/profile-status';
import { newestShown, popupSummary } from '../../lib/views/popup-summary';
import { syncResultText, type SyncNowProfileResult } from '../../lib/views/sync-result';
import { dayWhenText, whenText } from '../../lib/views/when-text';
import { freshStore, makeCertificateInfo, makeKeyPair, profileInput } from '../store/helpers';
import { loadPopupCatalog } from '../../lib/i18n/popup';

// The popup's strings come one language at a time (lib/i18n/popup.ts); a page loads its language in mountPage.
beforeAll(() => Promise.all([loadPopupCatalog('pl'), loadPopupCatalog('en')]));

// 16:00 in Warsaw (UTC+1 in February).
const NOW = new Date('2026-02-10T15:00:00.000Z');

describe('whenText / dayWhenText', () => {
  it.each([
    ['2026-02-10T15:09:00.000Z', 'pl', 'dziś 16:09'],
    ['2026-02-09T08:12:00.000Z', 'pl', 'wczoraj 9:12'],
    ['2026-02-11T07:00:00.000Z', 'pl', 'jutro 8:00'],
    ['2026-02-10T15:09:00.000Z', 'en', 'today 16:09'],
    ['2026-02-09T08:12:00.000Z', 'en', 'yesterday 9:12'],
    ['2026-02-07T08:12:00.000Z', 'pl', '07.02.2026 09:12'],
    // 23:30 UTC on the 9th is already the 10th in Warsaw.
    ['2026-02-09T23:30:00.000Z', 'pl', 'dziś 0:30'],
  ] as const)('%s (%s) → %s', (iso, lang, expected) => {
    expect(whenText(iso, NOW, lang)).toBe(expected);
  });

  it.each([
    ['2026-02-10', 'pl', 'dziś'],
    ['2026-02-09', 'pl', 'wczoraj'],
    ['2026-02-09', 'en', 'yesterday'],
    ['2026-02-02', 'pl', '02.02.2026'],
  ] as const)('issue date %s (%s) → %s', (date, lang, expected) => {
    expect(dayWhenText(date, NOW, lang)).toBe(expected);
  });
});

describe('popupSummary', () => {
  it.each([
    [[{ newCount: 3 }], 'pl', '3 nowe faktury'],
    [[{ newCount: 0 }], 'pl', 'Brak nowych faktur'],
    [[{ newCount: 3 }, { newCount: 1 }], 'pl', '4 nowe faktury w 2 organizacjach'],
    [[{ newCount: 1 }, { newCount: 0 }, { newCount: 0 }], 'pl', '1 nowa faktura w 1 organizacji'],
    [[{ newCount: 5 }, { newCount: 0 }], 'pl', '5 nowych faktur w 1 organizacji'],
    [[{ newCount: 3 }, { newCount: 1 }], 'en', '4 new invoices in 2 organisations'],
    [[{ newCount: 0 }, { newCount: 0 }], 'pl', 'Brak nowych faktur'],
  ] as const)('%j (%s) → %s', (rows, lang, expected) => {
    expect(popupSummary(rows as never, lang)).toBe(expected);
  });

  it('cards list four invoices for one organisation, two each for more', () => {
    expect([1, 2, 3].map(newestShown)).toEqual([4, 2, 2]);
  });
});

describe('syncResultText', () => {
  const names = (id: string) => ({ a: 'Fundacja', b: 'Biuro' })[id] ?? id;
  const ok = (profileId: string, stored: number): SyncNowProfileResult => ({ profileId, outcome: 'ok', stored });
  const failed = (profileId: string, code: string): SyncNowProfileResult => ({ profileId, outcome: 'failed', stored: 0, failure: { code, message: 'x', messageEn: 'x' } });

  it.each([
    [[ok('a', 0)], 'pl', 'info', 'Sprawdzono – brak nowych faktur'],
    [[ok('a', 2)], 'pl', 'info', 'Sprawdzono – 2 nowe faktury'],
    [[ok('a', 1), ok('b', 0)], 'pl', 'info', 'Sprawdzono – 1 nowa faktura'],
    [[ok('a', 0)], 'en', 'info', 'Checked – no new invoices'],
    [[failed('a', 'NETWORK')], 'pl', 'error', 'Nie udało się sprawdzić – Brak połączenia z KSeF'],
    [[failed('a', 'HTTP_503')], 'pl', 'error', 'Nie udało się sprawdzić – KSeF odpowiada błędami'],
    [[failed('a', 'HTTP_403')], 'pl', 'error', 'Nie udało się sprawdzić – Brak uprawnień w KSeF'],
    [[ok('a', 2), failed('b', 'NETWORK')], 'pl', 'warning', 'Sprawdzono – 2 nowe faktury. Nie udało się sprawdzić – Biuro: Brak połączenia z KSeF'],
    [[failed('a', 'NETWORK'), failed('b', 'HTTP_503')], 'pl', 'error', 'Nie udało się sprawdzić – Fundacja: Brak połączenia z KSeF; Biuro: KSeF odpowiada błędami'],
    [[{ profileId: 'a', outcome: 'blocked', stored: 0, blockedUntil: '2026-02-10T15:30:00.000Z' }], 'pl', 'error', 'Nie udało się sprawdzić – KSeF poprosił o przerwę do 16:30'],
    [[], 'pl', 'warning', t('pl', 'popup_sync_nothing')],
  ] as const)('%j (%s) → %s "%s"', (results, lang, kind, text) => {
    expect(syncResultText({ results: results as unknown as SyncNowProfileResult[] }, names, NOW, lang)).toEqual({ kind, text });
  });
});

describe('syncResultText with the cards\' titles', () => {
  it('says what the card says (KSeF\'s announced break rather than "KSeF odpowiada błędami")', () => {
    const answer = { results: [{ profileId: 'a', outcome: 'failed' as const, stored: 0, failure: { code: 'HTTP_503', message: 'x', messageEn: 'x' } }] };
    expect(syncResultText(answer, () => 'Fundacja', NOW, 'pl', () => 'KSeF ma przerwę techniczną do 18:00').text).toBe('Nie udało się sprawdzić – KSeF ma przerwę techniczną do 18:00');
  });
});

describe('status while failing or during an announced break', () => {
  async function withState(patch: Partial<SyncState>) {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.saveCredentials('p1', { certificate: makeCertificateInfo(), privateKey: (await makeKeyPair()).privateKey });
    await store.putSyncState({ ...initialSyncState('p1', 'Subject2', null), firstSyncDone: true, ...patch });
    return store;
  }
  const offline = {
    lastSyncAt: '2026-02-10T14:55:00.000Z',
    lastSuccessAt: '2026-02-10T13:10:00.000Z',
    failingSince: '2026-02-10T14:00:00.000Z',
    consecutiveFailures: 3,
    blockedUntil: '2026-02-10T15:20:00.000Z',
    lastError: { code: 'NETWORK', message: 'x', messageEn: 'x', at: '2026-02-10T14:55:00.000Z' },
  };

  it('a failure keeps the last successful check apart from the failed attempt', async () => {
    const status = await getProfileStatus(await withState(offline), 'p1', NOW);
    expect(status).toMatchObject({ state: 'retrying', lastSyncAt: '2026-02-10T14:55:00.000Z', lastSuccessAt: '2026-02-10T13:10:00.000Z' });
    expect(status.problem?.code).toBe('OFFLINE');
    // A success time a clock set back left in the future is clamped like the others.
    const future = await getProfileStatus(await withState({ ...offline, lastSuccessAt: '2026-03-01T00:00:00.000Z' }), 'p1', NOW);
    expect(future.lastSuccessAt).toBe(NOW.toISOString());
  });

  it('maintenance announced until 18:00: "KSeF ma przerwę techniczną do 18:00", nothing for the user to do', async () => {
    const outage = { kind: 'maintenance' as const, since: '2026-02-10T14:00:00.000Z', until: '2026-02-10T17:00:00.000Z', message: 'Prace serwisowe.' };
    const status = await getProfileStatus(await withState({ ...offline, outage }), 'p1', NOW);
    expect(status.state).toBe('retrying');
    expect(status.lastSuccessAt).toBe('2026-02-10T13:10:00.000Z');
    expect(status.problem).toMatchObject({
      code: 'KSEF_MAINTENANCE',
      title: 'KSeF ma przerwę techniczną do 18:00',
      titleEn: 'KSeF is down for maintenance until 18:00',
      message: t('pl', 'status_cause_KSEF_MAINTENANCE_until', { since: '15:00', until: '18:00' }),
      needsUser: false,
      announcement: 'Prace serwisowe.',
    });
    expect(status.problem?.fix).toMatch(/^Nic nie trzeba robić ani zmieniać w ustawieniach/);
  });

  it('an outage without an end; one that has ended no longer shows; a failure that needs the user still does', async () => {
    const outage = { kind: 'outage' as const, since: '2026-02-10T14:00:00.000Z' };
    expect((await getProfileStatus(await withState({ ...offline, outage }), 'p1', NOW)).problem?.title).toBe('Awaria KSeF');
    const ended = { ...outage, until: '2026-02-10T14:30:00.000Z' };
    expect((await getProfileStatus(await withState({ ...offline, outage: ended }), 'p1', NOW)).problem?.code).toBe('OFFLINE');
    const refused = { ...offline, lastError: { code: 'HTTP_403', message: 'x', messageEn: 'x', at: offline.lastSyncAt } };
    expect((await getProfileStatus(await withState({ ...refused, outage }), 'p1', NOW)).problem?.code).toBe('PERMISSIONS_LOST');
  });
});
