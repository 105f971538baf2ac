import { describe, expect, it } from 'vitest';
import { findSecretFields, isSecretFieldName } from '../../lib/store/secrets';
import { initialSyncState } from '../../lib/store/sync-state';
import { dumpAll, freshStore, makeCertificateInfo, makeKeyPair, makeMetadata, profileInput } from './helpers';
import { addOpenSession, outboxFile } from './outbox-fixtures';

describe('isSecretFieldName', () => {
  it.each(['password', 'keyPassword', 'key_pass', 'PIN', 'pinCode', 'clientSecret', 'passphrase', 'pwd', 'hasło', 'HASLO_KLUCZA'])(
    'catches %s',
    (name) => {
      expect(isSecretFieldName(name)).toBe(true);
    },
  );

  it.each(['pinned', 'passport', 'spinner', 'accessToken', 'refreshToken', 'privateKey', 'keyAlgorithm', 'compass'])(
    'lets %s through',
    (name) => {
      expect(isSecretFieldName(name)).toBe(false);
    },
  );
});

describe('findSecretFields', () => {
  it('finds nested fields in objects and arrays and skips non-plain objects', () => {
    const value = { a: { b: [{ userPin: 1 }] }, key: new Uint8Array(1), password: undefined };
    expect(findSecretFields(value)).toEqual(['a.b[0].userPin', 'password']);
  });
});

describe('no password anywhere in the database', () => {
  it('after every write function has run, no stored record has a field named like a secret', async () => {
    const { store, factory } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.saveCredentials('p1', { certificate: makeCertificateInfo(), privateKey: (await makeKeyPair()).privateKey });
    await store.saveTokens('p1', {
      accessToken: 'a',
      accessValidUntil: '2026-02-10T13:00:00Z',
      refreshToken: 'r',
      refreshValidUntil: '2026-02-17T12:00:00Z',
      authReference: '20260210-AU-0123456789-ABCDEF0123-01',
    });
    const [invoice] = await store.putNewInvoices('p1', 'Subject2', [makeMetadata(1)], {
      syncState: { ...initialSyncState('p1', 'Subject2', null), rateLimiter: { metadata: [1, 2] }, lastError: { code: 'X', message: 'y' } },
    });
    await store.saveInvoiceXml('p1', invoice!.ksefNumber, { xml: '<Faktura/>', xmlHash: 'aA==' });
    await store.markNotified([invoice!]);
    await store.setInvoiceState([invoice!], 'booked');
    const [item] = await store.queueOutboxBatch('p1', 'b1', [outboxFile(1)]);
    await store.updateOutboxItem(item!.id, { step: 'failed', error: { code: 'KSEF_440', message: 'Duplikat' } });
    await addOpenSession(store, 'p1', '20260210-SO-0123456789-ABCDEF0123-01');
    await store.appendLog({ profileId: 'p1', level: 'info', code: 'SYNC_OK', message: 'ok' });

    const dump = await dumpAll(factory);
    // Every store was written, so the walk below covers each record shape.
    expect(Object.entries(dump).filter(([, records]) => records.length === 0)).toEqual([]);
    expect(findSecretFields(dump)).toEqual([]);
  });
});
