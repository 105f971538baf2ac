import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isReferenceNumber, isValidKsefNumber } from './ids';
import { generateInvoiceXml } from './invoice-templates';
import { call, encryptInvoice, FA3_FORM, KSEF_FIXTURES, sessionEncryption, startChecked, type Checked } from './kit';
import { createRng } from './random';
import { shape, xmlText } from './sending-kit';
import { warsawDate } from './time';
import { xmllintAvailable } from './xsd';

const SELLER = '5265877635';
const BUYER = '7680002466';
const OTHER = '1111111111';

let t: Checked;
let token: string;
let today: string;
const rng = createRng('sessions-test');

const invoice = (number: string, overrides: Record<string, unknown> = {}) =>
  generateInvoiceXml({ sellerNip: SELLER, buyerNip: BUYER, invoiceNumber: number, issueDate: today, ...overrides }, rng, today);

async function openSession(sim = t.sim, auth = token, encryptionOverride?: Record<string, unknown>) {
  const enc = await sessionEncryption(sim);
  const answer = await call(sim, 'POST', '/sessions/online', { token: auth, json: { formCode: FA3_FORM, encryption: { ...enc.encryption, ...encryptionOverride } } });
  return { ...enc, answer, ref: answer.body?.referenceNumber as string };
}

async function send(session: Awaited<ReturnType<typeof openSession>>, xml: string, tweak: Record<string, unknown> = {}, sim = t.sim) {
  const body = { ...(await encryptInvoice(session.aesKey, session.iv, xml)), ...tweak };
  return call(sim, 'POST', `/sessions/online/${session.ref}/invoices`, { token, json: body });
}

/** Polls an invoice until it leaves 150 (bounded). */
async function outcome(sessionRef: string, invoiceRef: string, sim = t.sim) {
  const seen: number[] = [];
  let last;
  for (let i = 0; i < 5; i++) {
    last = await call(sim, 'GET', `/sessions/${sessionRef}/invoices/${invoiceRef}`, { token });
    seen.push(last.body.status.code);
    if (last.body.status.code !== 150) break;
  }
  return { seen, body: last!.body };
}

const text = xmlText;

beforeAll(async () => {
  t = await startChecked({ seed: 'sessions', hwmLagMs: 0 });
  today = warsawDate(t.sim.state.clock.now());
  token = t.sim.admin.issueTokens({ context: SELLER }).accessToken.token;
});
afterAll(() => t.sim.stop());
afterEach(() => {
  expect(t.checker.responseViolations).toEqual([]);
  t.checker.reset();
});

describe('an online session with real encryption (NOTES §8)', () => {
  it('open → send → 150 then 200 with a KSeF number → UPO → close → 170 then 200 with the collective UPO', async () => {
    const session = await openSession();
    expect(session.answer.status).toBe(201);
    expect(isReferenceNumber(session.ref, 'SO')).toBe(true);
    expect(Date.parse(session.answer.body.validUntil) - t.sim.state.clock.now()).toBe(12 * 3_600_000);

    const xml = invoice('FV/1/2026');
    const sent = await send(session, xml);
    expect(sent.status).toBe(202);
    expect(isReferenceNumber(sent.body.referenceNumber, 'EE')).toBe(true);

    const { seen, body } = await outcome(session.ref, sent.body.referenceNumber);
    expect(seen).toEqual([150, 200]);
    expect(body.status).toEqual({ code: 200, description: 'Sukces' });
    expect(isValidKsefNumber(body.ksefNumber)).toBe(true);
    expect(body.ksefNumber.startsWith(`${SELLER}-${today.replace(/-/g, '')}-`)).toBe(true);
    expect(body.invoiceNumber).toBe('FV/1/2026');
    expect(body.ordinalNumber).toBe(1);
    expect(body.invoiceHash).toBe(createHash('sha256').update(xml, 'utf8').digest('base64'));
    expect(Date.parse(body.acquisitionDate)).toBeGreaterThan(Date.parse(body.invoicingDate));
    // Permanent storage comes later: not yet on the frozen clock.
    expect(body.permanentStorageDate).toBeNull();

    const upo = await call(t.sim, 'GET', `/sessions/${session.ref}/invoices/${sent.body.referenceNumber}/upo`, { token });
    expect(upo.status).toBe(200);
    expect(upo.headers.get('x-ms-meta-hash')).toBe(createHash('sha256').update(upo.text, 'utf8').digest('base64'));
    expect(shape(upo.text)).toEqual(shape(readFileSync(`${KSEF_FIXTURES}upo-v4-3-faktura-kontekst-nip.xml`, 'utf8')));
    expect(text(upo.text, 'NumerKSeFDokumentu')).toEqual([body.ksefNumber]);
    expect(text(upo.text, 'NumerReferencyjnySesji')).toEqual([session.ref]);
    expect(text(upo.text, 'SkrotDokumentu')).toEqual([body.invoiceHash]);
    expect(text(upo.text, 'NazwaPodmiotuPrzyjmujacego')).toEqual(['Ministerstwo Finansów - środowisko testowe (TE)']);
    const byNumber = await call(t.sim, 'GET', `/sessions/${session.ref}/invoices/ksef/${body.ksefNumber}/upo`, { token });
    expect(byNumber.text).toBe(upo.text);
    // The download link works without a token (openapi.json SessionInvoiceStatusResponse.upoDownloadUrl).
    const linked = await fetch(body.upoDownloadUrl);
    expect(await linked.text()).toBe(upo.text);

    expect((await call(t.sim, 'POST', `/sessions/online/${session.ref}/close`, { token })).status).toBe(204);
    const closed = await call(t.sim, 'GET', `/sessions/${session.ref}`, { token });
    expect(closed.body.status).toEqual({ code: 170, description: 'Sesja interaktywna zamknięta' });
    expect(closed.body.upo).toBeNull();
    const processed = await call(t.sim, 'GET', `/sessions/${session.ref}`, { token });
    expect(processed.body).toMatchObject({ status: { code: 200, description: 'Sesja interaktywna przetworzona pomyślnie' }, invoiceCount: 1, successfulInvoiceCount: 1, failedInvoiceCount: 0 });
    const [page] = processed.body.upo.pages;
    expect(isReferenceNumber(page.referenceNumber, 'EU')).toBe(true);
    const collective = await call(t.sim, 'GET', `/sessions/${session.ref}/upo/${page.referenceNumber}`, { token });
    expect(shape(collective.text)).toEqual(shape(readFileSync(`${KSEF_FIXTURES}upo-v4-3-sesja-kontekst-nip.xml`, 'utf8')));
    expect(text(collective.text, 'CalkowitaLiczbaDokumentow')).toEqual(['1']);
    expect(await (await fetch(page.downloadUrl)).text()).toBe(collective.text);

    // Closed means closed.
    const late = await send(session, invoice('FV/1b/2026'));
    expect(late.body.exception.exceptionDetailList[0]).toEqual({ exceptionCode: 21180, exceptionDescription: 'Status sesji nie pozwala na wykonanie operacji.', details: ['Status sesji 200 uniemożliwia wysyłkę faktur.'] });
    expect((await call(t.sim, 'POST', `/sessions/online/${session.ref}/close`, { token })).body.exception.exceptionDetailList[0].exceptionCode).toBe(21180);

    // The buyer sees the invoice once it is permanently stored, byte for byte.
    t.sim.admin.advanceClock(1000);
    const buyer = t.sim.admin.issueTokens({ context: BUYER }).accessToken.token;
    const list = await call(t.sim, 'POST', '/invoices/query/metadata?pageSize=10', {
      token: buyer,
      json: { subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from: new Date(t.sim.state.clock.now() - 60_000).toISOString() } },
    });
    expect(list.body.invoices.map((i: { ksefNumber: string }) => i.ksefNumber)).toContain(body.ksefNumber);
    const downloaded = await call(t.sim, 'GET', `/invoices/ksef/${body.ksefNumber}`, { token: buyer });
    expect(downloaded.text).toBe(xml);
    expect(t.checker.requestViolations).toEqual([]);
  });

  it('a UPO written for production validates against upo-v4-3.xsd (xmllint, when installed)', async () => {
    const prod = await startChecked({ seed: 'upo-prod', environment: 'production' });
    try {
      const prodToken = prod.sim.admin.issueTokens({ context: SELLER }).accessToken.token;
      const session = await openSession(prod.sim, prodToken);
      const sent = await call(prod.sim, 'POST', `/sessions/online/${session.ref}/invoices`, { token: prodToken, json: await encryptInvoice(session.aesKey, session.iv, invoice('FV/PROD/1')) });
      await call(prod.sim, 'GET', `/sessions/${session.ref}/invoices/${sent.body.referenceNumber}`, { token: prodToken });
      const upo = await call(prod.sim, 'GET', `/sessions/${session.ref}/invoices/${sent.body.referenceNumber}/upo`, { token: prodToken });
      expect(text(upo.text, 'NazwaPodmiotuPrzyjmujacego')).toEqual(['Ministerstwo Finansów']);
      if (xmllintAvailable()) {
        const dir = mkdtempSync(join(tmpdir(), 'upo-'));
        writeFileSync(join(dir, 'upo.xml'), upo.text);
        expect(() => execFileSync('xmllint', ['--noout', '--nonet', '--schema', `${KSEF_FIXTURES}upo-v4-3.xsd`, join(dir, 'upo.xml')], { stdio: 'pipe' })).not.toThrow();
      }
    } finally {
      await prod.sim.stop();
    }
  });
});

describe('what KSeF refuses (NOTES §8.2–8.4)', () => {
  let session: Awaited<ReturnType<typeof openSession>>;
  beforeAll(async () => {
    session = await openSession();
  });

  it('a duplicate (seller NIP + RodzajFaktury + P_2) is 440 with the original KSeF number', async () => {
    const first = await send(session, invoice('FV/DUP/1'));
    const original = await outcome(session.ref, first.body.referenceNumber);
    const again = await send(session, invoice('FV/DUP/1'));
    const { body } = await outcome(session.ref, again.body.referenceNumber);
    expect(body.status).toEqual({
      code: 440,
      description: 'Duplikat faktury',
      details: [`Faktura o numerze FV/DUP/1 została już przyjęta w KSeF jako ${original.body.ksefNumber}.`],
      extensions: { originalSessionReferenceNumber: session.ref, originalKsefNumber: original.body.ksefNumber },
    });
    expect(body.ksefNumber).toBeNull();
  });

  const tomorrow = () => new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  it.each([
    ['seller NIP ≠ context NIP → 410', () => invoice('FV/X/1', { sellerNip: OTHER }), 410, 'Nieprawidłowy zakres uprawnień', [`NIP sprzedawcy (Podmiot1) ${OTHER} nie jest zgodny z kontekstem ${SELLER}.`]],
    ['not well-formed → 430', () => '<Faktura><oops></Faktura>', 430, 'Błąd weryfikacji pliku faktury', [expect.stringContaining('Dokument nie jest poprawnym XML')]],
    ['another root → 430', () => '<?xml version="1.0" encoding="UTF-8"?><Invoice xmlns="urn:x"/>', 430, 'Błąd weryfikacji pliku faktury', ['Element główny musi być Faktura w przestrzeni nazw http://crd.gov.pl/wzor/2025/06/25/13775/.']],
    ['no P_2 → 430', () => invoice('FV/X/2').replace(/<P_2>[^<]*<\/P_2>/, ''), 430, 'Błąd weryfikacji pliku faktury', ['Brak wymaganego elementu Fa/P_2.']],
    ['a DOCTYPE → 430', () => invoice('FV/X/3').replace('<Faktura', '<!DOCTYPE Faktura [<!ENTITY x "y">]><Faktura'), 430, 'Błąd weryfikacji pliku faktury', ['Dokument zawiera deklarację DOCTYPE lub ENTITY, która jest niedozwolona.']],
    ['P_1 in the future → 450', () => invoice('FV/X/4', { issueDate: tomorrow() }), 450, 'Błąd weryfikacji semantyki dokumentu faktury', ['Data wystawienia faktury (P_1) nie może być późniejsza niż data jej przyjęcia.']],
  ])('%s', async (_name, make, code, description, details) => {
    const sent = await send(session, make());
    expect(sent.status).toBe(202);
    const { body } = await outcome(session.ref, sent.body.referenceNumber);
    expect(body.status).toEqual({ code, description, details });
    expect(body.ksefNumber).toBeNull();
  });

  it('a declared invoiceHash that does not match the decrypted bytes is 430', async () => {
    const sent = await send(session, invoice('FV/H/1'), { invoiceHash: Buffer.alloc(32).toString('base64') });
    const { body } = await outcome(session.ref, sent.body.referenceNumber);
    expect(body.status.code).toBe(430);
    expect(body.status.details).toEqual(['Skrót treści nie zgadza się ze skrótem pliku (invoiceHash).']);
  });

  it('ciphertext that does not decrypt with the session key is 435', async () => {
    // Encrypting with another random key fails to decrypt only 255 times in 256 (the padding may happen to be
    // valid). Deterministic instead: flip the second-to-last ciphertext block so that the last plaintext byte, the
    // PKCS#7 padding length, decrypts as 0, which is never valid padding.
    const good = await encryptInvoice(session.aesKey, session.iv, invoice('FV/K/1'));
    const cipher = Buffer.from(good.encryptedInvoiceContent, 'base64');
    expect(cipher.length).toBeGreaterThanOrEqual(32);
    cipher[cipher.length - 17]! ^= 16 - (good.invoiceSize % 16);
    const body = {
      ...good,
      encryptedInvoiceContent: cipher.toString('base64'),
      encryptedInvoiceHash: createHash('sha256').update(cipher).digest('base64'),
    };
    const sent = await call(t.sim, 'POST', `/sessions/online/${session.ref}/invoices`, { token, json: body });
    const { body: status } = await outcome(session.ref, sent.body.referenceNumber);
    expect(status.status).toEqual({ code: 435, description: 'Błąd odszyfrowania pliku' });
  });

  it.each([
    ['encryptedInvoiceSize', { encryptedInvoiceSize: 17 }, 21402, 'Długość treści nie zgadza się z rozmiarem pliku.'],
    ['encryptedInvoiceHash', { encryptedInvoiceHash: Buffer.alloc(32, 1).toString('base64') }, 21403, 'Skrót treści nie zgadza się ze skrótem pliku.'],
  ])('a wrong %s is answered at once with 400', async (_name, tweak, code, detail) => {
    const answer = await send(session, invoice('FV/S/1'), tweak);
    expect(answer.status).toBe(400);
    expect(answer.body.exception.exceptionDetailList[0]).toMatchObject({ exceptionCode: code, details: [detail] });
  });

  it('an unknown publicKeyId is 21470; a key that does not decrypt leaves the session in 415', async () => {
    const unknown = await openSession(t.sim, token, { publicKeyId: Buffer.alloc(32, 7).toString('base64') });
    expect(unknown.answer.body.exception.exceptionDetailList[0].exceptionCode).toBe(21470);
    const garbage = await openSession(t.sim, token, { encryptedSymmetricKey: Buffer.alloc(256, 3).toString('base64') });
    expect(garbage.answer.status).toBe(201);
    const status = await call(t.sim, 'GET', `/sessions/${garbage.ref}`, { token });
    expect(status.body.status).toEqual({ code: 415, description: 'Błąd odszyfrowania dostarczonego klucza' });
    const refused = await send(garbage, invoice('FV/G/1'));
    expect(refused.body.exception.exceptionDetailList[0].details).toEqual(['Status sesji 415 uniemożliwia wysyłkę faktur.']);
  });

  it('another form code is 21405; another context cannot see the session (21173)', async () => {
    const enc = await sessionEncryption(t.sim);
    const fa2 = await call(t.sim, 'POST', '/sessions/online', { token, json: { formCode: { systemCode: 'FA (2)', schemaVersion: '1-0E', value: 'FA' }, encryption: enc.encryption } });
    expect(fa2.body.exception.exceptionDetailList[0].exceptionCode).toBe(21405);
    const stranger = t.sim.admin.issueTokens({ context: BUYER }).accessToken.token;
    const peek = await call(t.sim, 'GET', `/sessions/${session.ref}`, { token: stranger });
    expect(peek.body.exception.exceptionDetailList[0]).toEqual({
      exceptionCode: 21173,
      exceptionDescription: 'Brak sesji o wskazanym numerze referencyjnym.',
      details: [`Sesja o numerze referencyjnym ${session.ref} nie została odnaleziona.`],
    });
  });
});

describe('session outcomes', () => {
  it.each([
    ['no invoices → 440', [], { code: 440, description: 'Sesja anulowana', details: ['Nie przesłano faktur'] }],
    ['only refused invoices → 445', ['<bad/>'], { code: 445, description: 'Błąd weryfikacji, brak poprawnych faktur' }],
  ])('%s', async (_name, documents, status) => {
    const session = await openSession();
    for (const doc of documents) await send(session, doc);
    await call(t.sim, 'POST', `/sessions/online/${session.ref}/close`, { token });
    await call(t.sim, 'GET', `/sessions/${session.ref}`, { token });
    const final = await call(t.sim, 'GET', `/sessions/${session.ref}`, { token });
    expect(final.body.status).toEqual(status);
    expect(final.body.upo).toBeNull();
  });

  it('a session left open for 12 hours is closed by the simulator', async () => {
    const session = await openSession();
    await send(session, invoice('FV/EXP/1'));
    t.sim.admin.advanceClock(12 * 3_600_000 + 1);
    // The 15-minute access token is long gone as well: log in again.
    token = t.sim.admin.issueTokens({ context: SELLER }).accessToken.token;
    const refused = await send(session, invoice('FV/EXP/2'));
    expect(refused.body.exception.exceptionDetailList[0].details).toEqual(['Status sesji 170 uniemożliwia wysyłkę faktur.']);
    expect((await call(t.sim, 'GET', `/sessions/${session.ref}`, { token })).body.status.code).toBe(170);
    const final = await call(t.sim, 'GET', `/sessions/${session.ref}`, { token });
    expect(final.body.status.code).toBe(200);
    expect(final.body.successfulInvoiceCount).toBe(1);
  });

  it('collective UPO pages hold at most upoPageSize invoices each', async () => {
    const paged = await startChecked({ seed: 'upo-pages', upoPageSize: 2, invoicePendingPolls: 0, sessionPendingPolls: 0 });
    try {
      const pagedToken = paged.sim.admin.issueTokens({ context: SELLER }).accessToken.token;
      const session = await openSession(paged.sim, pagedToken);
      for (let i = 1; i <= 5; i++) {
        const body = await encryptInvoice(session.aesKey, session.iv, invoice(`FV/PAGED/${i}`));
        expect((await call(paged.sim, 'POST', `/sessions/online/${session.ref}/invoices`, { token: pagedToken, json: body })).status).toBe(202);
      }
      await call(paged.sim, 'POST', `/sessions/online/${session.ref}/close`, { token: pagedToken });
      const status = await call(paged.sim, 'GET', `/sessions/${session.ref}`, { token: pagedToken });
      expect(status.body.upo.pages).toHaveLength(3);
      const ranges = [];
      for (const page of status.body.upo.pages) {
        const xml = (await call(paged.sim, 'GET', `/sessions/${session.ref}/upo/${page.referenceNumber}`, { token: pagedToken })).text;
        ranges.push([...text(xml, 'Strona'), ...text(xml, 'ZakresDokumentowOd'), ...text(xml, 'ZakresDokumentowDo'), text(xml, 'Dokument').length].join(' '));
      }
      expect(ranges).toEqual(['1 1 2 2', '2 3 4 2', '3 5 5 1']);
      expect(paged.checker.responseViolations).toEqual([]);
    } finally {
      await paged.sim.stop();
    }
  });
});
