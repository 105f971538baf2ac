import { describe, expect, it } from 'vitest';
import { caught, freshStore, NOW, profileInput } from './helpers';

async function withDrafts(count: number) {
  const harness = freshStore();
  await harness.store.saveProfile(profileInput('p1'));
  await harness.store.saveProfile(profileInput('p2'));
  const items = [];
  for (let i = 0; i < count; i++) {
    harness.setNow(new Date(NOW.getTime() + i * 1000));
    items.push(await harness.store.createOutboxDraft('p1', { xml: `<Faktura>${i}</Faktura>`, invoiceNumber: `FV/${i}` }));
  }
  await harness.store.createOutboxDraft('p2', { xml: '<Faktura/>', invoiceNumber: 'FV/other' });
  return { ...harness, items };
}

describe('outbox', () => {
  it('creates a draft with a fresh id and reads it back', async () => {
    const { store, items } = await withDrafts(2);
    expect(items[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      profileId: 'p1',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      status: 'draft',
      xml: '<Faktura>0</Faktura>',
      invoiceNumber: 'FV/0',
    });
    expect(items[0]!.id).not.toBe(items[1]!.id);
    expect(await store.getOutboxItem(items[1]!.id)).toEqual(items[1]);
    expect(await store.getOutboxItem('missing')).toBeUndefined();
  });

  it('follows an item through sending and lists by status, newest first', async () => {
    const { store, items, setNow } = await withDrafts(3);
    setNow(new Date('2026-02-11T09:00:00.000Z'));
    await store.updateOutboxItem(items[0]!.id, { status: 'queued' });
    await store.updateOutboxItem(items[2]!.id, { status: 'queued' });
    const sent = await store.updateOutboxItem(items[0]!.id, {
      status: 'sent',
      sessionRef: '20260211-SO-0123456789-ABCDEF0123-01',
      invoiceRef: '20260211-EE-0123456789-ABCDEF0123-02',
      ksefNumber: '5265877635-20260211-0100001AF629-AF',
      upoXml: '<Potwierdzenie/>',
    });
    expect(sent).toMatchObject({ status: 'sent', createdAt: NOW.toISOString(), updatedAt: '2026-02-11T09:00:00.000Z' });
    expect((await store.listOutbox('p1', { status: 'queued' })).map((i) => i.invoiceNumber)).toEqual(['FV/2']);
    expect((await store.listOutbox('p1')).map((i) => i.invoiceNumber)).toEqual(['FV/2', 'FV/1', 'FV/0']);
    expect((await store.listOutbox('p1', { limit: 1 })).map((i) => i.invoiceNumber)).toEqual(['FV/2']);
  });

  it('removes a field patched to undefined (an error cleared on retry)', async () => {
    const { store, items } = await withDrafts(1);
    await store.updateOutboxItem(items[0]!.id, { status: 'failed', error: { code: '440', message: 'Duplikat faktury' } });
    const retried = await store.updateOutboxItem(items[0]!.id, { status: 'queued', error: undefined });
    expect(retried).not.toHaveProperty('error');
  });

  it('deletes one item', async () => {
    const { store, items } = await withDrafts(2);
    await store.deleteOutboxItem(items[0]!.id);
    expect((await store.listOutbox('p1')).map((i) => i.id)).toEqual([items[1]!.id]);
  });

  it.each([
    ['an unknown status', { status: 'lost' }, 'INVALID_RECORD', 'updateOutboxItem: invalid status'],
    ['an empty UPO', { upoXml: '' }, 'INVALID_RECORD', 'updateOutboxItem: invalid upoXml'],
  ])('refuses %s', async (_name, patch, code, message) => {
    const { store, items } = await withDrafts(1);
    expect(await caught(store.updateOutboxItem(items[0]!.id, patch as never))).toMatchObject({ code, message });
    expect(await store.getOutboxItem(items[0]!.id)).toEqual(items[0]);
  });

  it('refuses a patch of the id or the owner', async () => {
    const { store, items } = await withDrafts(1);
    expect(await caught(store.updateOutboxItem(items[0]!.id, { profileId: 'p2' } as never))).toMatchObject({
      name: 'TypeError',
      message: '"patch" must not change profileId',
    });
  });

  it('fails with NOT_FOUND for an unknown item and PROFILE_NOT_FOUND for an unknown profile', async () => {
    const { store } = freshStore();
    expect(await caught(store.updateOutboxItem('nope', { status: 'queued' }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'updateOutboxItem: no outbox item "nope"',
    });
    expect(await caught(store.createOutboxDraft('ghost', { xml: '<a/>', invoiceNumber: 'FV/1' }))).toMatchObject({
      code: 'PROFILE_NOT_FOUND',
      message: 'createOutboxDraft: no profile "ghost"',
    });
  });
});
