// The engine against the simulator (issue 12 steps 3–4): encryption round trip, a batch accepted with KSeF
// numbers and UPOs, each rejection code translated, 21470 refetching the keys, and a budget wait that resumes.
import { createDecipheriv, webcrypto } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSessionKey, encryptInvoice, sendPending } from '../../../lib/send/engine';
import type { Checked } from '../../ksef-sim/kit';
import { buildDeps, createFakeNotifier, freshProfileStore, invoiceFile, postedToSim, SELLER, startSim, storedBySim, type Sim } from './harness';

let checked: Checked;
let sim: Sim;

beforeAll(async () => {
  checked = await startSim('send-engine');
  sim = checked.sim;
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.admin.clearFaults();
  sim.admin.clearInvoiceStatusRules();
  sim.admin.configureRateLimits({ enabled: false, reset: true });
});

describe('encryption (NOTES §8.2)', () => {
  it('wraps a non-extractable AES-256 key for KSeF and encrypts what node:crypto decrypts back', async () => {
    const published = sim.admin.publicKeys().find((k) => k.usage === 'SymmetricKeyEncryption')!;
    const key = await createSessionKey(published.certificate);
    expect(key.aesKey.extractable).toBe(false);
    expect(key.aesKey.usages).toEqual(['encrypt']);
    const rsa = sim.state.keys.find((k) => k.usage === 'SymmetricKeyEncryption')!.privateKey;
    const raw = Buffer.from(await webcrypto.subtle.decrypt({ name: 'RSA-OAEP' }, rsa, Buffer.from(key.encryptedSymmetricKey, 'base64')));
    expect(raw).toHaveLength(32);
    const xml = invoiceFile(sim, 'FV/CRYPTO/1').xml;
    const request = await encryptInvoice(key.aesKey, key.iv, xml);
    const cipher = Buffer.from(request.encryptedInvoiceContent, 'base64');
    const decipher = createDecipheriv('aes-256-cbc', raw, Buffer.from(key.initializationVector, 'base64'));
    const plain = Buffer.concat([decipher.update(cipher), decipher.final()]);
    expect(plain.toString('utf8')).toBe(xml);
    const sha = (b: Buffer) => webcrypto.subtle.digest('SHA-256', b).then((d) => Buffer.from(d).toString('base64'));
    expect(request).toMatchObject({
      invoiceSize: Buffer.byteLength(xml),
      invoiceHash: await sha(Buffer.from(xml)),
      encryptedInvoiceSize: cipher.length,
      encryptedInvoiceHash: await sha(cipher),
      offlineMode: false,
    });
    // PKCS#7 only, no IV prefix: the ciphertext is the plaintext rounded up to the next 16 bytes.
    expect(cipher.length).toBe((Math.floor(Buffer.byteLength(xml) / 16) + 1) * 16);
  });

  it('refuses a key that is not an AES-CBC encryption key and an IV that is not 16 bytes', async () => {
    const hmac = await webcrypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    await expect(encryptInvoice(hmac as CryptoKey, new Uint8Array(16), '<a/>')).rejects.toMatchObject({ name: 'TypeError', message: '"aesKey" must be an AES-CBC encryption key' });
    const aes = await webcrypto.subtle.generateKey({ name: 'AES-CBC', length: 256 }, false, ['encrypt']);
    await expect(encryptInvoice(aes as CryptoKey, new Uint8Array(8), '<a/>')).rejects.toMatchObject({ name: 'TypeError', message: '"iv" must be 16 bytes' });
  });
});

async function sendBatch(numbers: string[], options: Parameters<typeof buildDeps>[3] = {}) {
  const { store, profile } = await freshProfileStore(sim);
  const notes = createFakeNotifier();
  const items = await store.queueOutboxBatch(profile.id, `batch-${numbers[0]}`, numbers.map((n) => invoiceFile(sim, n)));
  const deps = buildDeps(sim, store, notes.notifier, options);
  const result = await sendPending(deps, profile);
  const stored = await Promise.all(items.map((i) => store.getOutboxItem(i.id)));
  return { store, profile, notes, deps, result, items: stored.map((i) => i!) };
}

describe('a batch', () => {
  it('of 3 ends accepted with KSeF numbers, per-invoice and collective UPOs, one notification', async () => {
    const numbers = ['FV/OK/1', 'FV/OK/2', 'FV/OK/3'];
    const posted = postedToSim(sim);
    const { store, result, items, notes } = await sendBatch(numbers);
    expect(result).toEqual({ outcome: 'done', ended: ['batch-FV/OK/1'] });
    for (const item of items) {
      expect(item).toMatchObject({ step: 'accepted', ksefNumber: expect.stringMatching(new RegExp(`^${SELLER}-20260210-`)), notified: true, ksefStatus: { code: 200 } });
      expect(item.acquisitionDate).toMatch(/^2026-02-10T/);
      expect(item.upoXml).toContain(item.ksefNumber);
      expect(item).not.toHaveProperty('unfinished');
    }
    expect(storedBySim(sim)).toEqual(expect.arrayContaining(numbers));
    expect(postedToSim(sim) - posted).toBe(3);
    const session = await store.getSendSession(items[0]!.sessionRef!);
    expect(session).toMatchObject({ closedAt: expect.any(String), status: { code: 200 } });
    expect(session!.upoXml).toHaveLength(1);
    for (const item of items) expect(session!.upoXml![0]).toContain(item.ksefNumber);
    expect(await store.getSendSessionWithKey(items[0]!.sessionRef!)).not.toHaveProperty('aesKey');
    expect([...notes.visible.values()]).toEqual([{ batchId: 'batch-FV/OK/1', firstItemId: items[0]!.id, accepted: 3, rejected: 0, failed: 0 }]);
  });

  it.each([
    [405, {}, 'KSeF anulował przetwarzanie faktury z powodu błędu sesji.'],
    [410, { details: ['Brak uprawnienia InvoiceWrite.'] }, `brak uprawnienia „Wystawianie faktur” (InvoiceWrite) w kontekście NIP ${SELLER}. Uprawnienie nadaje właściciel firmy w Aplikacji Podatnika KSeF → Uprawnienia. Brak uprawnienia InvoiceWrite.`],
    [415, {}, 'faktur z załącznikiem nie można wysyłać w sesji interaktywnej'],
    [430, { details: ["Element 'P_2': [facet 'minLength'] …"] }, "Szczegóły KSeF: Element 'P_2': [facet 'minLength'] …"],
    [435, {}, 'KSeF nie mógł odszyfrować pliku faktury.'],
    [440, { extensions: { originalSessionReferenceNumber: null, originalKsefNumber: '5265877635-20260101-0100001AF629-AF' } }, 'została już przyjęta pod numerem KSeF 5265877635-20260101-0100001AF629-AF'],
    [450, { details: ['Data wystawienia faktury (P_1) nie może być późniejsza niż data jej przyjęcia.'] }, 'błąd semantyczny dokumentu'],
  ] as const)('rejected %i is kept with KSeF status and translated', async (code, extra, text) => {
    const number = `FV/REJ/${code}`;
    sim.admin.forceInvoiceStatus({ invoiceNumber: number, code, ...(extra as { details?: string[] }) });
    const { items, notes } = await sendBatch([number]);
    const item = items[0]!;
    expect(item).toMatchObject({ step: 'rejected', ksefStatus: { code }, error: { code: `KSEF_${code}` } });
    expect(item.error!.message).toContain(text);
    expect(item.error!.messageEn).toMatch(/KSeF/);
    expect(item).not.toHaveProperty('ksefNumber');
    if (code === 440) expect(item.ksefStatus!.originalKsefNumber).toBe('5265877635-20260101-0100001AF629-AF');
    expect([...notes.visible.values()]).toEqual([expect.objectContaining({ accepted: 0, rejected: 1, failed: 0 })]);
  });

  it('a real duplicate is refused by the simulator with 440 and the original KSeF number', async () => {
    const first = await sendBatch(['FV/DUP/1']);
    const { items } = await sendBatch(['FV/DUP/1']);
    expect(items[0]).toMatchObject({ step: 'rejected', ksefStatus: { code: 440, originalKsefNumber: first.items[0]!.ksefNumber } });
    expect(items[0]!.error!.message).toContain(first.items[0]!.ksefNumber!);
  });

  it('an invoice KSeF fails on its side (550) ends failed, retryable', async () => {
    sim.admin.forceInvoiceStatus({ invoiceNumber: 'FV/550/1', code: 550 });
    const { items } = await sendBatch(['FV/550/1']);
    expect(items[0]).toMatchObject({ step: 'failed', error: { code: 'KSEF_550', message: 'KSeF zgłosił błąd po swojej stronie (550). Kliknij „Ponów” za kilka minut.' } });
  });

  it('21470: a withdrawn key id makes it fetch the keys again and open the session once more', async () => {
    const stale = sim.admin.publicKeys().map((k) => ({
      certificate: k.certificate,
      certificateId: k.certificateId,
      publicKeyId: k.usage === 'SymmetricKeyEncryption' ? 'c3RhbGUta2V5LWlkLXRoYXQta3NlZi13aXRoZHJldw==' : k.publicKeyId,
      usage: [k.usage],
      validFrom: new Date(k.validFrom).toISOString(),
      validTo: new Date(k.validTo).toISOString(),
    }));
    const since = sim.state.requestLog.at(-1)?.seq ?? 0;
    const { items } = await sendBatch(['FV/KEY/1'], { keyCache: { certificates: stale as never } });
    expect(items[0]).toMatchObject({ step: 'accepted' });
    const counts = sim.admin.requestCounts(since);
    expect(counts['POST /sessions/online']).toBe(2);
    expect(counts['GET /security/public-key-certificates']).toBe(1);
    const refused = sim.state.requestLog.filter((e) => e.seq > since && e.operation === 'POST /sessions/online').map((e) => e.status);
    expect(refused).toEqual([400, 201]);
  });

  it('a budget that blocks says until when, and the next run after it resumes and finishes', async () => {
    // One invoice a minute (our own budget): the second POST of the batch must wait ~60 s, past the inline cap.
    const { store, profile, result, items, deps, notes } = await sendBatch(['FV/WAIT/1', 'FV/WAIT/2'], { budgets: { invoiceSend: { perSecond: 1, perMinute: 1, perHour: 100 } } });
    expect(result.outcome).toBe('waiting');
    const until = Date.parse(result.until!);
    expect(until).toBeGreaterThan(sim.state.clock.now() + 20_000);
    expect(items.map((i) => i.step)).toEqual(['sent', 'sending']);
    expect(items.every((i) => i.error?.until === result.until)).toBe(true);
    expect(items[1]!.error).toMatchObject({ code: 'WAITING' });
    // Too early: nothing is asked of KSeF.
    expect(await sendPending(deps, profile)).toEqual({ outcome: 'waiting', until: result.until, ended: [] });
    sim.admin.setClock(new Date(until + 1));
    expect(await sendPending(deps, profile)).toEqual({ outcome: 'done', ended: [items[0]!.batchId] });
    const after = await Promise.all(items.map((i) => store.getOutboxItem(i.id)));
    expect(after.map((i) => i!.step)).toEqual(['accepted', 'accepted']);
    expect(after.every((i) => i!.error === undefined)).toBe(true);
    expect(notes.calls()).toBe(1);
  });
});
