// Outbox records for the store tests: a file as lib/send/check hands it over, and an open session with its key.
import type { InvoiceFacts } from '../../lib/store/outbox-records';
import type { Store } from '../../lib/store/store';

export function factsOf(i: number, overrides: Partial<InvoiceFacts> = {}): InvoiceFacts {
  return {
    sellerNip: '5265877635',
    kind: 'VAT',
    number: `FV/${i}/2026`,
    issueDate: '2026-02-10',
    sizeBytes: 100 + i,
    sha256Base64: `${String(i).padStart(43, 'A')}=`,
    ...overrides,
  };
}

export function outboxFile(i: number, overrides: Partial<InvoiceFacts> = {}) {
  return { fileName: `faktura-${i}.xml`, xml: `<Faktura>${i}</Faktura>`, facts: factsOf(i, overrides) };
}

export async function sessionKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-CBC', length: 256 }, false, ['encrypt']);
}

export async function addOpenSession(store: Store, profileId: string, sessionRef: string, batchId = 'b1') {
  await store.addSendSession({
    sessionRef,
    profileId,
    batchId,
    openedAt: '2026-02-10T12:00:00.000Z',
    validUntil: '2026-02-11T00:00:00.000Z',
    aesKey: await sessionKey(),
    iv: 'AAAAAAAAAAAAAAAAAAAAAA==',
  });
}
