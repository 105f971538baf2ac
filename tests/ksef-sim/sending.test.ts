// Every answer of the online-session endpoints, provoked through HTTP (NOTES §8.1–8.4, §10, openapi.json
// SessionInvoiceStatusResponse.status and the 400 tables), with every response checked against openapi.json.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReferenceNumber, isValidKsefNumber } from './ids';
import { call, startChecked, type Checked } from './kit';
import { BUYER, invoiceXml, OTHER, openClient, SELLER, withAttachment, type SendClient } from './sending-kit';
import { xmllintAvailable } from './xsd';

let t: Checked;
let token: string;
let s: SendClient;

const exception = (answer: { body: any }) => answer.body.exception.exceptionDetailList[0];

beforeAll(async () => {
  t = await startChecked({ seed: 'sending', environment: 'production', now: '2026-03-02T10:00:00+01:00' });
  token = t.sim.admin.issueTokens({ context: SELLER }).accessToken.token;
  s = await openClient(t.sim, token);
});
afterAll(async () => {
  expect(t.checker.responseViolations).toEqual([]);
  await t.sim.stop();
});

describe('POST /sessions/online', () => {
  it('201 with an SO reference; the form code, the key id and the wrapped key are checked', async () => {
    expect(s.opened.status).toBe(201);
    expect(isReferenceNumber(s.ref, 'SO')).toBe(true);
    const fa2 = await openClient(t.sim, token, {}, { systemCode: 'FA (2)', schemaVersion: '1-0E', value: 'FA' });
    expect(exception(fa2.opened)).toMatchObject({ exceptionCode: 21405, details: [expect.stringContaining('FA (2) 1-0E FA')] });
    const unknownId = Buffer.alloc(32, 7).toString('base64');
    const unknown = await openClient(t.sim, token, { publicKeyId: unknownId });
    expect(exception(unknown.opened)).toEqual({
      exceptionCode: 21470,
      exceptionDescription: 'Przesłany identyfikator klucza jest nieznany lub wskazuje na wycofany klucz.',
      details: [`Klucz o identyfikatorze ${unknownId} nie jest wspierany.`],
    });
    const tokenKey = t.sim.admin.publicKeys().find((k) => k.usage.includes('KsefTokenEncryption') && !k.usage.includes('SymmetricKeyEncryption'));
    if (tokenKey) expect(exception(await openClient(t.sim, token, { publicKeyId: tokenKey.publicKeyId }).then((c) => c.opened)).exceptionCode).toBe(21470);
  });

  it('a key that does not unwrap opens a session in status 415 that refuses invoices and closing (21180)', async () => {
    const broken = await openClient(t.sim, token, { encryptedSymmetricKey: Buffer.alloc(256, 3).toString('base64') });
    expect(broken.opened.status).toBe(201);
    expect((await broken.get(`/sessions/${broken.ref}`)).body.status).toEqual({ code: 415, description: 'Błąd odszyfrowania dostarczonego klucza' });
    expect(exception(await broken.send(invoiceXml(t.sim, 'FV/415/1')))).toEqual({
      exceptionCode: 21180,
      exceptionDescription: 'Status sesji nie pozwala na wykonanie operacji.',
      details: ['Status sesji 415 uniemożliwia wysyłkę faktur.'],
    });
    expect(exception(await broken.close()).details).toEqual(['Status sesji 415 uniemożliwia jej zamknięcie.']);
  });
});

describe('POST /sessions/online/{ref}/invoices: answered at once', () => {
  it('202 with an EE reference', async () => {
    const sent = await s.send(invoiceXml(t.sim, 'FV/202/1'));
    expect(sent.status).toBe(202);
    expect(isReferenceNumber(sent.body.referenceNumber, 'EE')).toBe(true);
  });

  it.each([
    ['encryptedInvoiceSize → 21402', { encryptedInvoiceSize: 17 }, 21402, 'Nieprawidłowy rozmiar pliku.', 'Długość treści nie zgadza się z rozmiarem pliku.'],
    ['encryptedInvoiceHash → 21403', { encryptedInvoiceHash: Buffer.alloc(32, 1).toString('base64') }, 21403, 'Nieprawidłowy skrót pliku.', 'Skrót treści nie zgadza się ze skrótem pliku.'],
  ])('%s', async (_name, tweak, code, description, detail) => {
    const answer = await s.send(invoiceXml(t.sim, 'FV/400/1'), tweak);
    expect(answer.status).toBe(400);
    expect(exception(answer)).toEqual({ exceptionCode: code, exceptionDescription: description, details: [detail] });
  });

  it('an unknown session is 21173; another context’s session is unknown too', async () => {
    const ref = '20260302-SO-0000000000-0000000000-00';
    const answer = await call(t.sim, 'POST', `/sessions/online/${ref}/invoices`, { token, json: { invoiceHash: 'a'.repeat(43) + '=', invoiceSize: 1, encryptedInvoiceHash: 'a'.repeat(43) + '=', encryptedInvoiceSize: 16, encryptedInvoiceContent: Buffer.alloc(16).toString('base64') } });
    expect(exception(answer)).toEqual({ exceptionCode: 21173, exceptionDescription: 'Brak sesji o wskazanym numerze referencyjnym.', details: [`Sesja o numerze referencyjnym ${ref} nie została odnaleziona.`] });
    const buyer = t.sim.admin.issueTokens({ context: BUYER }).accessToken.token;
    expect(exception(await call(t.sim, 'POST', `/sessions/online/${s.ref}/close`, { token: buyer })).exceptionCode).toBe(21173);
  });

  it('the session invoice limit is 21155 (maxInvoicesPerSession)', async () => {
    t.sim.admin.setSessionOptions({ maxInvoicesPerSession: 2 });
    try {
      const small = await openClient(t.sim, token);
      expect((await small.send(invoiceXml(t.sim, 'FV/LIM/1'))).status).toBe(202);
      expect((await small.send(invoiceXml(t.sim, 'FV/LIM/2'))).status).toBe(202);
      expect(exception(await small.send(invoiceXml(t.sim, 'FV/LIM/3')))).toEqual({
        exceptionCode: 21155,
        exceptionDescription: 'Przekroczono dozwoloną liczbę faktur w sesji.',
        details: [`Sesja o numerze referencyjnym ${small.ref} osiągnęła dozwolony limit liczby faktur 2.`],
      });
    } finally {
      t.sim.admin.setSessionOptions({ maxInvoicesPerSession: 10_000 });
    }
  });
});

describe('invoice processing: 150, then the outcome', () => {
  it('200: KSeF number, acceptance date, invoice number, 150 first', async () => {
    const { seen, body } = await s.sendAndWait(invoiceXml(t.sim, 'FV/OK/1'));
    expect(seen).toEqual([150, 200]);
    expect(body).toMatchObject({ status: { code: 200, description: 'Sukces' }, invoiceNumber: 'FV/OK/1', invoicingMode: 'Online' });
    expect(isValidKsefNumber(body.ksefNumber)).toBe(true);
    expect(body.acquisitionDate).not.toBeNull();
  });

  it('435: ciphertext that does not decrypt with the session key', async () => {
    // Flip the second-to-last block so the last plaintext byte (the PKCS#7 length) decrypts as 0: never valid.
    const good = await s.encrypt(invoiceXml(t.sim, 'FV/435/1'));
    const cipher = Buffer.from(good.encryptedInvoiceContent, 'base64');
    cipher[cipher.length - 17]! ^= 16 - (good.invoiceSize % 16);
    const sent = await s.send('', { encryptedInvoiceContent: cipher.toString('base64'), encryptedInvoiceHash: createHash('sha256').update(cipher).digest('base64'), encryptedInvoiceSize: cipher.length, invoiceHash: good.invoiceHash, invoiceSize: good.invoiceSize });
    expect(sent.status).toBe(202);
    const { seen, body } = await s.outcome(sent.body.referenceNumber);
    expect(seen).toEqual([150, 435]);
    expect(body).toMatchObject({ status: { code: 435, description: 'Błąd odszyfrowania pliku' }, ksefNumber: null, invoiceNumber: null });
  });

  it('430: an XSD error names the element and line (xmllint) or the missing element (structural check)', async () => {
    const bad = invoiceXml(t.sim, 'FV/430/1').replace(/<P_1>[^<]*<\/P_1>/, '<P_1>2026-13-01</P_1>');
    const { body } = await s.sendAndWait(bad);
    expect(body.status.code).toBe(430);
    expect(body.status.description).toBe('Błąd weryfikacji pliku faktury');
    expect(body.invoiceNumber).toBe('FV/430/1');
    if (xmllintAvailable()) expect(body.status.details).toEqual([expect.stringMatching(/^Linia \d+: Element '\{http:\/\/crd\.gov\.pl\/wzor\/2025\/06\/25\/13775\/\}P_1': '2026-13-01' is not a valid value/)]);
    else expect(body.status.details).toEqual(["Element Fa/P_1: wartość '2026-13-01' jest nieprawidłowa (oczekiwano: data RRRR-MM-DD)."]);
  });

  it('415: an invoice with an attachment', async () => {
    const { body } = await s.sendAndWait(withAttachment(invoiceXml(t.sim, 'FV/415/2')));
    expect(body.status).toEqual({ code: 415, description: 'Brak możliwości wysyłania faktury z załącznikiem' });
    expect(body.ksefNumber).toBeNull();
  });

  it('410: seller NIP is not the context NIP; or the session was opened without InvoiceWrite', async () => {
    const other = await s.sendAndWait(invoiceXml(t.sim, 'FV/410/1', { sellerNip: OTHER }));
    expect(other.body.status).toEqual({ code: 410, description: 'Nieprawidłowy zakres uprawnień', details: [`NIP sprzedawcy (Podmiot1) ${OTHER} nie jest zgodny z kontekstem ${SELLER}.`] });
    const pefOnly = t.sim.admin.issueTokens({ context: SELLER, permissions: ['PefInvoiceWrite'] }).accessToken.token;
    const pef = await openClient(t.sim, pefOnly);
    const { body } = await pef.sendAndWait(invoiceXml(t.sim, 'FV/410/2'));
    expect(body.status).toEqual({
      code: 410,
      description: 'Nieprawidłowy zakres uprawnień',
      details: [`Brak uprawnienia InvoiceWrite (wystawianie faktur) w kontekście Nip ${SELLER}; sesję otwarto z uprawnieniami: PefInvoiceWrite.`],
    });
  });

  it('450: P_1 after the acceptance date', async () => {
    const { body } = await s.sendAndWait(invoiceXml(t.sim, 'FV/450/1', { issueDate: '2026-03-03' }));
    expect(body.status).toEqual({ code: 450, description: 'Błąd weryfikacji semantyki dokumentu faktury', details: ['Data wystawienia faktury (P_1) nie może być późniejsza niż data jej przyjęcia.'] });
  });

  it('440: a duplicate of an invoice from another session, and of one already in the store', async () => {
    const first = await s.sendAndWait(invoiceXml(t.sim, 'FV/DUP/1'));
    const second = await openClient(t.sim, token);
    const again = await second.sendAndWait(invoiceXml(t.sim, 'FV/DUP/1'));
    expect(again.body.status).toEqual({
      code: 440,
      description: 'Duplikat faktury',
      details: [`Faktura o numerze FV/DUP/1 została już przyjęta w KSeF jako ${first.body.ksefNumber}.`],
      extensions: { originalSessionReferenceNumber: s.ref, originalKsefNumber: first.body.ksefNumber },
    });
    const stored = t.sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, invoiceNumber: 'FV/STORE/1' });
    const dup = await second.sendAndWait(invoiceXml(t.sim, 'FV/STORE/1'));
    // Added through the admin API, the stored invoice has no session of origin.
    expect(dup.body.status).toMatchObject({ code: 440, extensions: { originalSessionReferenceNumber: null, originalKsefNumber: stored.ksefNumber } });
    // Another seller may use the same number.
    const token2 = t.sim.admin.issueTokens({ context: OTHER }).accessToken.token;
    const otherSeller = await openClient(t.sim, token2);
    expect((await otherSeller.sendAndWait(invoiceXml(t.sim, 'FV/DUP/1', { sellerNip: OTHER }))).body.status.code).toBe(200);
  });

  it('405: invoices still processing when the system cancels the session; the session ends 440', async () => {
    t.sim.admin.setSessionOptions({ invoicePendingPolls: 5 });
    const doomed = await openClient(t.sim, token);
    const sent = await doomed.send(invoiceXml(t.sim, 'FV/405/1'));
    t.sim.admin.setSessionOptions({ invoicePendingPolls: 1 });
    expect((await doomed.outcome(sent.body.referenceNumber, 1)).seen).toEqual([150]);
    expect(t.sim.admin.cancelSession(doomed.ref).status.code).toBe(440);
    const { body } = await doomed.outcome(sent.body.referenceNumber);
    expect(body).toMatchObject({ status: { code: 405, description: 'Przetwarzanie anulowane z powodu błędu sesji' }, ksefNumber: null });
    expect(t.sim.admin.invoices().some((i) => i.invoiceNumber === 'FV/405/1')).toBe(false);
    expect((await doomed.get(`/sessions/${doomed.ref}`)).body).toMatchObject({ status: { code: 440, description: 'Sesja anulowana' }, upo: null, failedInvoiceCount: 1 });
    expect(exception(await doomed.send(invoiceXml(t.sim, 'FV/405/2'))).details).toEqual(['Status sesji 440 uniemożliwia wysyłkę faktur.']);
    // The number was never given: it may be sent again.
    expect((await s.sendAndWait(invoiceXml(t.sim, 'FV/405/1'))).body.status.code).toBe(200);
  });
});
