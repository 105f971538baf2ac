import { describe, expect, it } from 'vitest';
import { caught, freshStore, NOW, profileInput } from './helpers';
import { addOpenSession, factsOf, outboxFile } from './outbox-fixtures';

const SESSION = '20260210-SO-0123456789-ABCDEF0123-01';

async function withBatch(count: number) {
  const harness = freshStore();
  await harness.store.saveProfile(profileInput('p1'));
  await harness.store.saveProfile(profileInput('p2'));
  const items = await harness.store.queueOutboxBatch('p1', 'b1', Array.from({ length: count }, (_, i) => outboxFile(i)));
  harness.setNow(new Date(NOW.getTime() + 60_000));
  await harness.store.queueOutboxBatch('p2', 'b2', [outboxFile(99)]);
  return { ...harness, items };
}

describe('outbox', () => {
  it('queues a batch in one call, in the order given, and reads it back', async () => {
    const { store, items } = await withBatch(2);
    expect(items[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      profileId: 'p1',
      batchId: 'b1',
      fileName: 'faktura-0.xml',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      step: 'queued',
      xml: '<Faktura>0</Faktura>',
      facts: factsOf(0),
      unfinished: NOW.toISOString(),
    });
    expect(items[1]!.createdAt > items[0]!.createdAt).toBe(true);
    expect(await store.getOutboxItem(items[1]!.id)).toEqual(items[1]);
    expect(await store.getOutboxItem('missing')).toBeUndefined();
    expect((await store.listUnfinishedOutbox('p1')).map((i) => i.fileName)).toEqual(['faktura-0.xml', 'faktura-1.xml']);
  });

  it('lists newest first, per profile or all; finds by seller NIP, kind and number', async () => {
    const { store } = await withBatch(3);
    expect((await store.listOutbox('p1')).map((i) => i.facts.number)).toEqual(['FV/2/2026', 'FV/1/2026', 'FV/0/2026']);
    expect((await store.listOutbox()).map((i) => i.profileId)).toEqual(['p2', 'p1', 'p1', 'p1']);
    expect((await store.listOutbox('p1', { limit: 1 })).map((i) => i.facts.number)).toEqual(['FV/2/2026']);
    expect((await store.findOutboxByInvoice('5265877635', 'VAT', 'FV/1/2026')).map((i) => i.fileName)).toEqual(['faktura-1.xml']);
    expect(await store.findOutboxByInvoice('5265877635', 'KOR', 'FV/1/2026')).toEqual([]);
  });

  it("lists without the invoice text (the send view's list and CSV); the one item read carries it", async () => {
    const { store, items } = await withBatch(2);
    const { xml: _text, ...summary } = items[1]!;
    const listed = await store.listOutbox('p1');
    expect(listed[0]).toEqual(summary);
    expect(listed.concat(await store.listOutbox()).filter((i) => 'xml' in i)).toEqual([]);
    expect((await store.getOutboxItem(items[1]!.id))?.xml).toBe('<Faktura>1</Faktura>');
  });

  it('follows an item to accepted; a finished item leaves the work list', async () => {
    const { store, items, setNow } = await withBatch(2);
    setNow(new Date('2026-02-11T09:00:00.000Z'));
    await store.updateOutboxItem(items[0]!.id, { step: 'sending', sessionRef: SESSION });
    const [accepted] = await store.updateOutboxItems([
      {
        id: items[0]!.id,
        patch: {
          step: 'accepted',
          invoiceRef: '20260211-EE-0123456789-ABCDEF0123-02',
          ordinalNumber: 1,
          ksefNumber: '5265877635-20260211-0100001AF629-AF',
          acquisitionDate: '2026-02-11T09:00:00.100Z',
          ksefStatus: { code: 200, description: 'Sukces' },
          upoXml: '<Potwierdzenie/>',
          notified: true,
          unfinished: undefined,
        },
      },
    ]);
    expect(accepted).toMatchObject({ step: 'accepted', createdAt: NOW.toISOString(), updatedAt: '2026-02-11T09:00:00.000Z' });
    expect(accepted).not.toHaveProperty('unfinished');
    expect((await store.listUnfinishedOutbox('p1')).map((i) => i.id)).toEqual([items[1]!.id]);
  });

  it('writes several items in one transaction: one bad patch writes none', async () => {
    const { store, items } = await withBatch(2);
    const error = await caught(
      store.updateOutboxItems([
        { id: items[0]!.id, patch: { step: 'failed' } },
        { id: items[1]!.id, patch: { step: 'lost' as never } },
      ]),
    );
    expect(error).toMatchObject({ code: 'INVALID_RECORD', message: 'updateOutboxItem: invalid step' });
    expect((await store.getOutboxItem(items[0]!.id))!.step).toBe('queued');
  });

  it('removes a field patched to undefined (an error cleared on retry) and deletes one item', async () => {
    const { store, items } = await withBatch(2);
    await store.updateOutboxItem(items[0]!.id, { step: 'failed', error: { code: 'NETWORK', message: 'Brak połączenia', until: '2026-02-10T12:05:00.000Z' } });
    const retried = await store.updateOutboxItem(items[0]!.id, { step: 'queued', error: undefined });
    expect(retried).not.toHaveProperty('error');
    expect(retried).not.toHaveProperty('xml'); // the engine holds one invoice's text at a time
    expect((await store.getOutboxItem(items[0]!.id))!.xml).toContain('<Faktura');
    await store.deleteOutboxItem(items[0]!.id);
    expect((await store.listOutbox('p1')).map((i) => i.id)).toEqual([items[1]!.id]);
  });

  it.each([
    ['an unknown step', { step: 'lost' }, 'updateOutboxItem: invalid step'],
    ['an empty UPO', { upoXml: '' }, 'updateOutboxItem: invalid upoXml'],
    ['a wait that is not a date', { error: { code: 'RATE_LIMITED', message: 'x', until: 'soon' } }, 'updateOutboxItem: invalid error.until'],
  ])('refuses %s', async (_name, patch, message) => {
    const { store, items } = await withBatch(1);
    expect(await caught(store.updateOutboxItem(items[0]!.id, patch as never))).toMatchObject({ code: 'INVALID_RECORD', message });
    expect(await store.getOutboxItem(items[0]!.id)).toEqual(items[0]);
  });

  it('refuses a patch of the id, the owner or the batch, a batch of 0 or 51 files, and bad facts', async () => {
    const { store, items } = await withBatch(1);
    for (const field of ['profileId', 'batchId']) {
      expect(await caught(store.updateOutboxItem(items[0]!.id, { [field]: 'x' } as never))).toMatchObject({ name: 'TypeError', message: `"patch" must not change ${field}` });
    }
    const many = Array.from({ length: 51 }, (_, i) => outboxFile(i));
    for (const files of [[], many]) {
      expect(await caught(store.queueOutboxBatch('p1', 'b9', files))).toMatchObject({ name: 'TypeError', message: '"files" must be an array of 1 to 50 files' });
    }
    const bad = await caught(store.queueOutboxBatch('p1', 'b9', [outboxFile(1, { sizeBytes: 1_000_001, sellerNip: '12' })]));
    expect(bad).toMatchObject({ code: 'INVALID_RECORD', message: 'queueOutboxBatch: invalid facts.sellerNip, facts.sizeBytes' });
  });

  it('fails with NOT_FOUND for an unknown item and PROFILE_NOT_FOUND for an unknown profile', async () => {
    const { store } = freshStore();
    expect(await caught(store.updateOutboxItem('nope', { step: 'queued' }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'updateOutboxItem: no outbox item "nope"',
    });
    expect(await caught(store.queueOutboxBatch('ghost', 'b1', [outboxFile(1)]))).toMatchObject({
      code: 'PROFILE_NOT_FOUND',
      message: 'queueOutboxBatch: no profile "ghost"',
    });
  });
});

describe('send sessions', () => {
  it('keeps the key non-extractable for the engine and never shows it to a page', async () => {
    const { store } = await withBatch(1);
    await addOpenSession(store, 'p1', SESSION);
    const view = await store.getSendSession(SESSION);
    expect(view).toEqual({ sessionRef: SESSION, profileId: 'p1', batchId: 'b1', openedAt: '2026-02-10T12:00:00.000Z', validUntil: '2026-02-11T00:00:00.000Z' });
    const engine = await store.getSendSessionWithKey(SESSION);
    expect(engine!.aesKey).toBeInstanceOf(CryptoKey);
    expect(engine!.aesKey!.extractable).toBe(false);
    expect((await store.listSendSessions('b1')).map((s) => s.sessionRef)).toEqual([SESSION]);
  });

  it('drops the key when closed and keeps the collective UPO pages', async () => {
    const { store } = await withBatch(1);
    await addOpenSession(store, 'p1', SESSION);
    const closed = await store.updateSendSession(SESSION, {
      closedAt: '2026-02-10T12:01:00.000Z',
      status: { code: 200, description: 'Sesja interaktywna przetworzona pomyślnie' },
      upoXml: ['<Potwierdzenie/>'],
      aesKey: undefined,
      iv: undefined,
    });
    expect(closed).toMatchObject({ closedAt: '2026-02-10T12:01:00.000Z', upoXml: ['<Potwierdzenie/>'] });
    expect(await store.getSendSessionWithKey(SESSION)).not.toHaveProperty('aesKey');
    expect(await caught(store.updateSendSession('nope', { full: true }))).toMatchObject({ code: 'NOT_FOUND', message: 'updateSendSession: no session "nope"' });
    expect(await caught(store.addSendSession({ sessionRef: 'x', profileId: 'ghost', batchId: 'b', openedAt: NOW.toISOString(), validUntil: NOW.toISOString() }))).toMatchObject({
      code: 'PROFILE_NOT_FOUND',
    });
  });
});
