// After sending (NOTES §8.3): the session's invoice lists with continuation, per-invoice and collective UPOs
// (valid against upo-v4-3.xsd in its production variant), token-less UPO links until they expire, closing
// 170 → 200/445/440, the accepted invoice in both parties' metadata queries, and the rate-limit groups (NOTES §9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReferenceNumber } from './ids';
import { call, startChecked, type Checked } from './kit';
import { BUYER, invoiceXml, openClient, SELLER, upoProblems, xmlText, type SendClient } from './sending-kit';

let t: Checked;
let token: string;

const exception = (answer: { body: any }) => answer.body.exception.exceptionDetailList[0];

beforeAll(async () => {
  t = await startChecked({ seed: 'sending-close', environment: 'production', now: '2026-03-02T10:00:00+01:00', invoicePendingPolls: 0 });
  token = t.sim.admin.issueTokens({ context: SELLER }).accessToken.token;
});
afterAll(async () => {
  expect(t.checker.responseViolations).toEqual([]);
  await t.sim.stop();
});

describe('a session of twelve invoices, one refused', () => {
  let s: SendClient;
  const refs: string[] = [];
  beforeAll(async () => {
    s = await openClient(t.sim, token);
    for (let i = 1; i <= 12; i++) {
      const xml = invoiceXml(t.sim, `FV/L/${i}`, i === 7 ? { issueDate: '2026-03-05' } : {});
      refs.push((await s.send(xml)).body.referenceNumber);
    }
  });

  it('GET /sessions/{ref}/invoices pages with x-continuation-token; a foreign token is 21418', async () => {
    const first = await s.get(`/sessions/${s.ref}/invoices?pageSize=10`);
    expect(first.body.invoices.map((i: { ordinalNumber: number }) => i.ordinalNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.body.continuationToken).toEqual(expect.any(String));
    const second = await s.get(`/sessions/${s.ref}/invoices?pageSize=10`, { 'x-continuation-token': first.body.continuationToken });
    expect(second.body.invoices.map((i: { referenceNumber: string }) => i.referenceNumber)).toEqual(refs.slice(10));
    expect(second.body.continuationToken).toBeNull();
    expect(exception(await s.get(`/sessions/${s.ref}/invoices`, { 'x-continuation-token': 'bm90LW91cnM' }))).toEqual({
      exceptionCode: 21418,
      exceptionDescription: 'Przekazany token kontynuacji ma nieprawidłowy format.',
      details: null,
    });
    expect(exception(await s.get(`/sessions/${s.ref}/invoices?pageSize=5`)).exceptionCode).toBe(21405);
  });

  it('…/invoices/failed lists only the refused one', async () => {
    const failed = await s.get(`/sessions/${s.ref}/invoices/failed`);
    expect(failed.body.invoices).toHaveLength(1);
    expect(failed.body.invoices[0]).toMatchObject({ ordinalNumber: 7, invoiceNumber: 'FV/L/7', ksefNumber: null, status: { code: 450 } });
  });

  it('per-invoice UPO by reference, by KSeF number and by link, valid against upo-v4-3.xsd', async () => {
    const status = (await s.get(`/sessions/${s.ref}/invoices/${refs[0]}`)).body;
    const upo = await s.get(`/sessions/${s.ref}/invoices/${refs[0]}/upo`);
    expect(upo.headers.get('content-type')).toContain('application/xml');
    expect(upoProblems(upo.text, 'faktura')).toEqual([]);
    expect(xmlText(upo.text, 'NumerKSeFDokumentu')).toEqual([status.ksefNumber]);
    expect(xmlText(upo.text, 'NazwaPodmiotuPrzyjmujacego')).toEqual(['Ministerstwo Finansów']);
    expect((await s.get(`/sessions/${s.ref}/invoices/ksef/${status.ksefNumber}/upo`)).text).toBe(upo.text);
    expect(await (await fetch(status.upoDownloadUrl)).text()).toBe(upo.text);
    // The refused invoice has none (21178).
    expect(exception(await s.get(`/sessions/${s.ref}/invoices/${refs[6]}/upo`)).exceptionCode).toBe(21178);
  });

  it('close → 204; the session shows 170, then 200 with collective UPO pages valid against the XSD', async () => {
    expect((await s.close()).status).toBe(204);
    expect((await s.get(`/sessions/${s.ref}`)).body.status.code).toBe(170);
    const final = await s.finalStatus();
    expect(final).toMatchObject({ status: { code: 200 }, invoiceCount: 12, successfulInvoiceCount: 11, failedInvoiceCount: 1 });
    const [page] = final.upo.pages;
    expect(isReferenceNumber(page.referenceNumber, 'EU')).toBe(true);
    const collective = await s.get(`/sessions/${s.ref}/upo/${page.referenceNumber}`);
    expect(upoProblems(collective.text, 'sesja')).toEqual([]);
    expect(xmlText(collective.text, 'CalkowitaLiczbaDokumentow')).toEqual(['11']);
    expect(await (await fetch(page.downloadUrl)).text()).toBe(collective.text);
  });

  it('the seller finds the accepted invoices as Subject1, the buyer as Subject2', async () => {
    t.sim.admin.advanceClock(5_000);
    const query = (auth: string, subjectType: string) =>
      call(t.sim, 'POST', '/invoices/query/metadata?pageSize=50', { token: auth, json: { subjectType, dateRange: { dateType: 'PermanentStorage', from: '2026-03-02T00:00:00+01:00' } } });
    const seller = await query(t.sim.admin.issueTokens({ context: SELLER }).accessToken.token, 'Subject1');
    const buyer = await query(t.sim.admin.issueTokens({ context: BUYER }).accessToken.token, 'Subject2');
    const numbers = (r: { body: { invoices: { invoiceNumber: string }[] } }) => r.body.invoices.map((i) => i.invoiceNumber).filter((n) => n.startsWith('FV/L/'));
    expect(numbers(seller)).toHaveLength(11);
    expect(numbers(buyer)).toEqual(numbers(seller));
    expect(numbers(seller)).not.toContain('FV/L/7');
  });

  it('a UPO link works without a token until it expires, then 403', async () => {
    const status = (await s.get(`/sessions/${s.ref}/invoices/${refs[1]}`)).body;
    expect(Date.parse(status.upoDownloadUrlExpirationDate)).toBeGreaterThan(t.sim.state.clock.now());
    expect((await fetch(status.upoDownloadUrl)).status).toBe(200);
    t.sim.admin.setClock(Date.parse(status.upoDownloadUrlExpirationDate) + 1);
    expect((await fetch(status.upoDownloadUrl)).status).toBe(403);
  });
});

describe('closing without valid invoices', () => {
  it.each([
    ['none sent → 440', [] as string[], { code: 440, description: 'Sesja anulowana', details: ['Nie przesłano faktur'] }],
    ['only refused → 445', ['FV/BAD/1'], { code: 445, description: 'Błąd weryfikacji, brak poprawnych faktur' }],
  ])('%s', async (_name, numbers, status) => {
    const auth = t.sim.admin.issueTokens({ context: SELLER }).accessToken.token;
    const s = await openClient(t.sim, auth);
    for (const n of numbers) await s.send(invoiceXml(t.sim, n, { issueDate: '2099-01-01' }));
    expect((await s.close()).status).toBe(204);
    expect(await s.finalStatus()).toMatchObject({ status, upo: null });
  });
});

describe('structural FA(3) checks when xmllint is not used (xsdValidation: off)', () => {
  it('430 names the missing element', async () => {
    const off = await startChecked({ seed: 'sending-off', xsdValidation: 'off', invoicePendingPolls: 0 });
    try {
      const auth = off.sim.admin.issueTokens({ context: SELLER }).accessToken.token;
      const s = await openClient(off.sim, auth);
      const ok = await s.sendAndWait(invoiceXml(off.sim, 'FV/ST/1'));
      expect(ok.body.status.code).toBe(200);
      const noGv = await s.sendAndWait(invoiceXml(off.sim, 'FV/ST/2').replace(/<GV>\d<\/GV>/, ''));
      expect(noGv.body.status).toEqual({ code: 430, description: 'Błąd weryfikacji pliku faktury', details: ['Brak wymaganego elementu Podmiot2/GV.'] });
      expect(off.checker.responseViolations).toEqual([]);
    } finally {
      await off.sim.stop();
    }
  });
});

describe('rate-limit groups (NOTES §9)', () => {
  it('session lists count on sessionInvoiceList; an opening budget spent blocks with Retry-After', async () => {
    const auth = t.sim.admin.issueTokens({ context: SELLER }).accessToken.token;
    const s = await openClient(t.sim, auth);
    t.sim.admin.configureRateLimits({ enabled: true, reset: true, limits: { sessionInvoiceList: { perSecond: 1, perMinute: 20, perHour: 200 }, onlineSession: { perSecond: 10, perMinute: 30, perHour: 1 } } });
    try {
      expect((await s.get(`/sessions/${s.ref}/invoices`)).status).toBe(200);
      expect((await s.get(`/sessions/${s.ref}/invoices/failed`)).status).toBe(429);
      expect((await s.get(`/sessions/${s.ref}`)).status).toBe(200);
      expect((await openClient(t.sim, auth)).opened.status).toBe(201);
      const blocked = (await openClient(t.sim, auth)).opened;
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(60);
    } finally {
      t.sim.admin.configureRateLimits({ enabled: false, reset: true });
    }
  });
});
