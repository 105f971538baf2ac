import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isValidKsefNumber } from './ids';
import { call, startChecked, type Checked } from './kit';

const BUYER = '5265877635';
const SELLER = '7680002466';
const STRANGER = '1111111111';
const DAY = 86_400_000;

let t: Checked;
let token: string;
let now: number;

const query = (body: unknown, params = 'pageSize=10', auth = token) => call(t.sim, 'POST', `/invoices/query/metadata?${params}`, { token: auth, json: body });
const range = (from: number, extra: Record<string, unknown> = {}) => ({ dateType: 'PermanentStorage', from: new Date(from).toISOString(), ...extra });

beforeAll(async () => {
  t = await startChecked({ seed: 'invoices', hwmLagMs: 0 });
  now = t.sim.state.clock.now();
  token = t.sim.admin.issueTokens({ context: BUYER }).accessToken.token;
  // 25 purchase invoices one second apart, ending a minute ago; 3 sales invoices of BUYER's own.
  t.sim.admin.addInvoices({ count: 25, sellerNip: SELLER, buyerNip: BUYER, invoiceNumber: 'FV/PAGE', permanentStorageDate: now - 60_000, spacingMs: 1000 });
  t.sim.admin.addInvoices({ count: 3, sellerNip: BUYER, buyerNip: STRANGER, invoiceNumber: 'FV/SALE', permanentStorageDate: now - 60_000 });
});
afterAll(() => t.sim.stop());
afterEach(() => {
  expect(t.checker.responseViolations).toEqual([]);
  t.checker.reset();
  t.sim.admin.setHwmLag(0);
});

describe('POST /invoices/query/metadata: paging and sorting (NOTES §7.1)', () => {
  it('pageOffset is a page index; hasMore tells when to stop', async () => {
    const pages = [];
    for (let offset = 0; offset < 3; offset++) pages.push((await query({ subjectType: 'Subject2', dateRange: range(now - DAY) }, `pageOffset=${offset}&pageSize=10`)).body);
    expect(pages.map((p) => [p.invoices.length, p.hasMore, p.isTruncated])).toEqual([
      [10, true, false],
      [10, true, false],
      [5, false, false],
    ]);
    const numbers = pages.flatMap((p) => p.invoices.map((i: { ksefNumber: string }) => i.ksefNumber));
    expect(new Set(numbers).size).toBe(25);
    expect(numbers.every(isValidKsefNumber)).toBe(true);
    const dates = pages.flatMap((p) => p.invoices.map((i: { permanentStorageDate: string }) => Date.parse(i.permanentStorageDate)));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(pages[0].invoices[0].invoiceNumber).toBe('FV/PAGE-00001');
    expect(t.checker.requestViolations).toEqual([]);
  });

  it('Desc reverses the order', async () => {
    const asc = (await query({ subjectType: 'Subject2', dateRange: range(now - DAY) }, 'pageSize=25&sortOrder=Asc')).body.invoices;
    const desc = (await query({ subjectType: 'Subject2', dateRange: range(now - DAY) }, 'pageSize=25&sortOrder=Desc')).body.invoices;
    expect(desc.map((i: { ksefNumber: string }) => i.ksefNumber)).toEqual(asc.map((i: { ksefNumber: string }) => i.ksefNumber).reverse());
  });

  it('keeps permanentStorageDate > acquisitionDate > invoicingDate and the metadata of the XML', async () => {
    const [first] = (await query({ subjectType: 'Subject2', dateRange: range(now - DAY) })).body.invoices;
    expect(Date.parse(first.permanentStorageDate)).toBeGreaterThan(Date.parse(first.acquisitionDate));
    expect(Date.parse(first.acquisitionDate)).toBeGreaterThan(Date.parse(first.invoicingDate));
    expect(first).toMatchObject({
      seller: { nip: SELLER },
      buyer: { identifier: { type: 'Nip', value: BUYER } },
      currency: 'PLN',
      invoiceType: 'Vat',
      invoicingMode: 'Online',
      formCode: { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' },
    });
    expect(first.grossAmount).toBeCloseTo(first.netAmount + first.vatAmount, 2);
  });

  it.each([
    ['Subject1', 3],
    ['Subject2', 25],
    ['Subject3', 0],
    ['SubjectAuthorized', 0],
  ])('%s sees %i invoices of the context', async (subjectType, count) => {
    const answer = await query({ subjectType, dateRange: range(now - DAY) }, 'pageSize=250');
    expect(answer.body.invoices).toHaveLength(count);
  });

  it.each([
    [{ invoiceNumber: 'FV/PAGE-00007' }, 1],
    [{ sellerNip: SELLER }, 25],
    [{ sellerNip: STRANGER }, 0],
    [{ currencyCodes: ['EUR'] }, 0],
    [{ invoiceTypes: ['Vat', 'Kor'] }, 25],
    [{ invoiceTypes: ['Kor'] }, 0],
    [{ amount: { type: 'Brutto', from: 0, to: 1_000_000 } }, 25],
    [{ amount: { type: 'Brutto', from: 1_000_000 } }, 0],
    [{ buyerIdentifier: { type: 'Nip', value: BUYER } }, 25],
    [{ invoicingMode: 'Offline' }, 0],
    [{ hasAttachment: false, isSelfInvoicing: false, formType: 'FA' }, 25],
  ])('filter %j → %i', async (filter, count) => {
    const answer = await query({ subjectType: 'Subject2', dateRange: range(now - DAY), ...filter }, 'pageSize=250');
    expect(answer.body.invoices).toHaveLength(count);
  });

  it.each([
    ['pageSize=9', 'pageSize'],
    ['pageSize=251', 'pageSize'],
    ['pageOffset=-1', 'pageOffset'],
    ['sortOrder=Sideways', 'sortOrder'],
  ])('%s is 21405', async (params, name) => {
    const answer = await query({ subjectType: 'Subject2', dateRange: range(now - DAY) }, params);
    expect(answer.status).toBe(400);
    const detail = answer.body.exception.exceptionDetailList[0];
    expect(detail.exceptionCode).toBe(21405);
    expect(detail.exceptionDescription).toBe('Błąd walidacji danych wejściowych.');
    expect(detail.details.join(' ')).toContain(name);
  });

  it('a body without subjectType or with a bad date is 21405', async () => {
    const missing = await query({ dateRange: range(now - DAY) });
    expect(missing.body.exception.exceptionDetailList[0].details).toContainEqual(expect.stringContaining("must have required property 'subjectType'"));
    const bad = await query({ subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from: 'yesterday' } });
    expect(bad.body.exception.exceptionDetailList[0].exceptionCode).toBe(21405);
  });
});

describe('the 3-month rule (NOTES §7.1)', () => {
  it.each([
    ['2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', 200],
    ['2026-01-01T00:00:00Z', '2026-04-01T00:00:01Z', 400],
    // Offset-less dates are Warsaw time. 1 Sep 00:00 (+02:00) → 1 Dec 00:00 (+01:00) is three months on the
    // Polish calendar but 3 months and an hour in UTC: it passes by the Warsaw reading alone.
    ['2026-09-01T00:00:00', '2026-11-30T22:30:00Z', 200],
    ['2026-09-01T00:00:00', '2026-11-30T23:00:01Z', 400],
    ['2026-05-31T00:00:00Z', '2026-08-31T00:00:00Z', 200],
    ['2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z', 400],
  ])('%s … %s → %i', async (from, to, status) => {
    const answer = await query({ subjectType: 'Subject2', dateRange: { dateType: 'Invoicing', from, to } });
    expect(answer.status).toBe(status);
    if (status === 400) expect(answer.body.exception.exceptionDetailList[0].exceptionCode).toBe(21405);
  });

  it('an open-ended range counts to now', async () => {
    const answer = await query({ subjectType: 'Subject2', dateRange: range(now - 100 * DAY) });
    expect(answer.body.exception.exceptionDetailList[0].details).toEqual(['Zakres dat dateRange nie może przekraczać 3 miesięcy.']);
  });
});

describe('the high-water mark (NOTES §7.2)', () => {
  it('restrictToPermanentStorageHwmDate hides what is newer than the HWM, which trails the clock by the lag', async () => {
    t.sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, invoiceNumber: 'FV/HWM/1', permanentStorageDate: now - 2000 });
    t.sim.admin.setHwmLag(5000);
    const restricted = await query({ subjectType: 'Subject2', dateRange: range(now - 10_000, { restrictToPermanentStorageHwmDate: true }) }, 'pageSize=250');
    expect(restricted.body.permanentStorageHwmDate).toBe(new Date(now - 5000).toISOString());
    expect(restricted.body.invoices.map((i: { invoiceNumber: string }) => i.invoiceNumber)).not.toContain('FV/HWM/1');
    const toNow = await query({ subjectType: 'Subject2', dateRange: range(now - 10_000) }, 'pageSize=250');
    expect(toNow.body.invoices.map((i: { invoiceNumber: string }) => i.invoiceNumber)).toContain('FV/HWM/1');
    t.sim.admin.advanceClock(4000);
    const later = await query({ subjectType: 'Subject2', dateRange: range(now - 10_000, { restrictToPermanentStorageHwmDate: true }) }, 'pageSize=250');
    expect(later.body.invoices.map((i: { invoiceNumber: string }) => i.invoiceNumber)).toContain('FV/HWM/1');
    t.sim.admin.advanceClock(-4000);
  });

  it('is null for other date types and 21183 when from is past it', async () => {
    t.sim.admin.setHwmLag(60_000);
    const invoicing = await query({ subjectType: 'Subject2', dateRange: { dateType: 'Invoicing', from: new Date(now - DAY).toISOString() } });
    expect(invoicing.body.permanentStorageHwmDate).toBeNull();
    const beyond = await query({ subjectType: 'Subject2', dateRange: range(now - 30_000, { restrictToPermanentStorageHwmDate: true }) }, 'pageSize=10', token);
    expect(beyond.status).toBe(400);
    expect(beyond.body.exception.exceptionDetailList[0]).toEqual({
      exceptionCode: 21183,
      exceptionDescription: 'Zakres filtrowania wykracza poza dostępny zakres danych.',
      details: ['Parametr dateRange.from jest późniejszy niż PermanentStorageHwmDate przy włączonym restrictToPermanentStorageHwmDate.'],
    });
  });

  it('an invoice not yet permanently stored is invisible and not yet downloadable (21165)', async () => {
    const future = t.sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, invoiceNumber: 'FV/LATER', permanentStorageDate: now + 5000 });
    const list = await query({ subjectType: 'Subject2', dateRange: range(now - DAY) }, 'pageSize=250');
    expect(list.body.invoices.map((i: { invoiceNumber: string }) => i.invoiceNumber)).not.toContain('FV/LATER');
    const download = await call(t.sim, 'GET', `/invoices/ksef/${future.ksefNumber}`, { token });
    expect(download.body.exception.exceptionDetailList[0].exceptionCode).toBe(21165);
  });
});

describe('truncation at the record cap (NOTES §7.1; 10 000 in KSeF, `maxQueryRecords` here)', () => {
  it('the official loop (page on; on isTruncated move from to the last date) reaches all 350 invoices under a cap of 300', async () => {
    const big = await startChecked({ seed: 'truncation', hwmLagMs: 0, maxQueryRecords: 300 });
    try {
      const nowBig = big.sim.state.clock.now();
      const bigToken = big.sim.admin.issueTokens({ context: BUYER }).accessToken.token;
      big.sim.admin.addInvoices({ count: 350, sellerNip: SELLER, buyerNip: BUYER, invoiceNumber: 'FV/BULK', permanentStorageDate: nowBig - 1000, spacingMs: 50 });
      const seen = new Set<string>();
      let from = new Date(nowBig - DAY).toISOString();
      let offset = 0;
      let truncations = 0;
      for (let guard = 0; guard < 100; guard++) {
        const page = await call(big.sim, 'POST', `/invoices/query/metadata?pageOffset=${offset}&pageSize=250&sortOrder=Asc`, {
          token: bigToken,
          json: { subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from, restrictToPermanentStorageHwmDate: true } },
        });
        expect(page.status).toBe(200);
        for (const invoice of page.body.invoices) seen.add(invoice.ksefNumber);
        if (!page.body.hasMore) break;
        if (page.body.isTruncated) {
          truncations += 1;
          expect(offset * 250 + page.body.invoices.length).toBe(300);
          from = page.body.invoices[page.body.invoices.length - 1].permanentStorageDate;
          offset = 0;
        } else offset += 1;
      }
      expect(truncations).toBe(1);
      expect(seen.size).toBe(350);
      const beyond = await call(big.sim, 'POST', '/invoices/query/metadata?pageOffset=2&pageSize=250', {
        token: bigToken,
        json: { subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from: new Date(nowBig - DAY).toISOString() } },
      });
      expect(beyond.body.exception.exceptionDetailList[0].details).toEqual(['pageOffset × pageSize przekracza limit 300 rekordów; zawęź dateRange zgodnie z isTruncated.']);
      expect(big.checker.responseViolations).toEqual([]);
    } finally {
      await big.sim.stop();
    }
  });

  it('the cap is 10 000 unless a test lowers it (1 to 10 000)', async () => {
    const beyond = await query({ subjectType: 'Subject2', dateRange: range(now - DAY) }, 'pageOffset=40&pageSize=250');
    expect(beyond.body.exception.exceptionDetailList[0].details).toEqual(['pageOffset × pageSize przekracza limit 10000 rekordów; zawęź dateRange zgodnie z isTruncated.']);
    const below = await query({ subjectType: 'Subject2', dateRange: range(now - DAY) }, 'pageOffset=39&pageSize=250');
    expect(below.status).toBe(200);
    for (const [maxQueryRecords, message] of [
      [0, '"maxQueryRecords" must be from 1 to 10000'],
      [10_001, '"maxQueryRecords" must be from 1 to 10000'],
      [2.5, '"maxQueryRecords" must be an integer ≥ 0'],
    ] as const) {
      await expect(startChecked({ maxQueryRecords })).rejects.toThrow(new TypeError(message));
    }
  });
});

describe('GET /invoices/ksef/{ksefNumber} (NOTES §7.3)', () => {
  it('returns the stored XML with x-ms-meta-hash = base64 SHA-256 of the body, equal to invoiceHash', async () => {
    const [meta] = (await query({ subjectType: 'Subject2', dateRange: range(now - DAY) })).body.invoices;
    const answer = await call(t.sim, 'GET', `/invoices/ksef/${meta.ksefNumber}`, { token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const hash = createHash('sha256').update(answer.text, 'utf8').digest('base64');
    expect(answer.headers.get('x-ms-meta-hash')).toBe(hash);
    expect(meta.invoiceHash).toBe(hash);
    expect(answer.text).toContain(`<P_2>${meta.invoiceNumber}</P_2>`);
  });

  it.each([
    ['an unknown number', '5265877635-20250826-0100001AF629-AF', 21164],
    ['a number with a wrong CRC', '5265877635-20250826-0100001AF629-AE', 21405],
  ])('%s (%s) → %i', async (_name, number, code) => {
    const answer = await call(t.sim, 'GET', `/invoices/ksef/${number}`, { token });
    expect(answer.status).toBe(400);
    expect(answer.body.exception.exceptionDetailList[0].exceptionCode).toBe(code);
  });

  it("someone else's invoice is 21164, and InvoiceRead is required (403)", async () => {
    const foreign = t.sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: '9462641867', invoiceNumber: 'FV/FOREIGN', permanentStorageDate: now - 1000 });
    const answer = await call(t.sim, 'GET', `/invoices/ksef/${foreign.ksefNumber}`, { token });
    expect(answer.body.exception.exceptionDetailList[0]).toEqual({
      exceptionCode: 21164,
      exceptionDescription: 'Faktura o podanym identyfikatorze nie istnieje.',
      details: [`Faktura o numerze KSeF ${foreign.ksefNumber} nie została znaleziona.`],
    });
    const introspection = t.sim.admin.issueTokens({ context: BUYER, identity: { type: 'Nip', value: STRANGER }, permissions: ['Introspection'] }).accessToken.token;
    const forbidden = await call(t.sim, 'GET', `/invoices/ksef/${foreign.ksefNumber}`, { token: introspection });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.security).toEqual({ requiredAnyOfPermissions: ['InvoiceRead'], presentPermissions: ['Introspection'] });
  });
});
