// What the popup reads before its first render (lib/views/popup-view.ts, issue 15): each profile's cards from
// one status read, the new count taken from it (one count per profile, review §3.2), the newest invoices.
import { describe, expect, it } from 'vitest';
import { loadPopupRows, type PopupStore } from '../../lib/views/popup-view';
import { freshStore, makeCertificateInfo, makeKeyPair, makeMetadata, profileInput } from '../store/helpers';

const NOW = new Date('2026-02-10T12:00:00.000Z');

/** The store with every read counted by name. */
function counted(store: PopupStore) {
  const calls: Record<string, number> = {};
  const wrapped = new Proxy(store, {
    get(target, name: string) {
      const value = (target as unknown as Record<string, unknown>)[name];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: wrapped, calls };
}

describe('loadPopupRows', () => {
  it('reads the profiles once and counts each profile once, the count coming from its status', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.saveProfile(profileInput('p2'));
    await store.saveCredentials('p1', { certificate: makeCertificateInfo(), privateKey: (await makeKeyPair()).privateKey });
    await store.putNewInvoices('p1', 'Subject2', [1, 2, 3].map((i) => makeMetadata(i)));
    await store.setInvoiceState([{ profileId: 'p1', ksefNumber: makeMetadata(2).ksefNumber }], 'booked');
    const { store: spy, calls } = counted(store);

    const rows = await loadPopupRows(spy, NOW);

    expect(calls).toMatchObject({ listProfiles: 1, countByState: 2, newestInvoices: 2, getCredentials: 2 });
    expect(calls.getProfile ?? 0).toBe(0);
    expect(rows.map((row) => [row.profile.id, row.newCount, row.status?.newCount, row.status?.state])).toEqual([
      ['p1', 2, 2, 'ok'],
      ['p2', 0, 0, 'not_configured'],
    ]);
    // Two organisations: each card lists only its new invoices, two at most.
    expect(rows[0]!.newest.map((r) => [r.ksefNumber, r.state])).toEqual(
      [3, 1].map((i) => [makeMetadata(i).ksefNumber, 'new']),
    );
  });

  it('one organisation lists its four newest whatever their state', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.putNewInvoices('p1', 'Subject2', [1, 2, 3, 4, 5].map((i) => makeMetadata(i)));
    await store.setInvoiceState([{ profileId: 'p1', ksefNumber: makeMetadata(5).ksefNumber }], 'booked');
    const [row] = await loadPopupRows(store, NOW);
    expect(row!.newCount).toBe(4);
    expect(row!.newest.map((r) => r.ksefNumber)).toEqual([5, 4, 3, 2].map((i) => makeMetadata(i).ksefNumber));
  });

  it('a status that cannot be read leaves the card without a state but with its count', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.putNewInvoices('p1', 'Subject2', [makeMetadata(1)]);
    const broken = Object.assign(Object.create(store) as PopupStore, {
      listSyncStates: () => Promise.reject(new Error('broken record')),
    });
    const [row] = await loadPopupRows(broken, NOW);
    expect(row).toMatchObject({ newCount: 1 });
    expect(row!.status).toBeUndefined();
  });

  it('says which certificates are within their renewal window, so the popup loads the offer only for them', async () => {
    const { store } = freshStore();
    const privateKey = (await makeKeyPair()).privateKey;
    for (const [id, days] of [['soon', 10], ['later', 90], ['expired', -1]] as const) {
      await store.saveProfile(profileInput(id));
      await store.saveCredentials(id, { certificate: { ...makeCertificateInfo(), notAfter: new Date(NOW.getTime() + days * 86_400_000) }, privateKey });
    }
    await store.saveProfile(profileInput('none'));
    const rows = await loadPopupRows(store, NOW);
    expect(Object.fromEntries(rows.map((row) => [row.profile.id, row.renewal]))).toEqual({ soon: true, later: false, expired: false, none: false });
  });

  it('refuses what is not a store or a time', async () => {
    await expect(loadPopupRows({} as PopupStore, NOW)).rejects.toThrow(new TypeError('"store" must be a Store'));
    const { store } = freshStore();
    await expect(loadPopupRows(store, new Date('x'))).rejects.toThrow(new TypeError('"now" must be a valid Date'));
  });
});
