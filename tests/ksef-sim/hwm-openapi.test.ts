// permanentStorageHwmDate of a bounded query, pinned to the words of the OpenAPI document the project ships
// (tests/fixtures/ksef/openapi.json, QueryInvoicesMetadataResponse): "for older periods it matches the query's
// conditions" (the window's `to`); for the newest period it is the mark, slightly below the upper bound.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, KSEF_FIXTURES, startChecked, type Checked } from './kit';

const BUYER = '5265877635';
const SELLER = '7680002466';
const DAY = 86_400_000;
const LAG = 2000;

const openapi = JSON.parse(readFileSync(`${KSEF_FIXTURES}openapi.json`, 'utf8'));
const description: string = openapi.components.schemas.QueryInvoicesMetadataResponse.properties.permanentStorageHwmDate.description;

let t: Checked;
let token: string;
let now: number;

const iso = (ms: number) => new Date(ms).toISOString();
const query = (dateRange: Record<string, unknown>, params = 'pageSize=10') =>
  call(t.sim, 'POST', `/invoices/query/metadata?${params}`, { token, json: { subjectType: 'Subject2', dateRange } });

beforeAll(async () => {
  t = await startChecked({ seed: 'hwm-openapi', hwmLagMs: LAG });
  now = t.sim.state.clock.now();
  token = t.sim.admin.issueTokens({ context: BUYER }).accessToken.token;
  // 30 invoices a day apart, the newest 5 days ago: older windows hold some, the newest period too.
  t.sim.admin.addInvoices({ count: 30, sellerNip: SELLER, buyerNip: BUYER, invoiceNumber: 'FV/HWM', permanentStorageDate: now - 5 * DAY, spacingMs: DAY });
});
afterAll(() => t.sim.stop());
afterEach(() => {
  expect(t.checker.responseViolations).toEqual([]);
  expect(t.checker.requestViolations).toEqual([]);
});

describe('permanentStorageHwmDate as QueryInvoicesMetadataResponse describes it', () => {
  it('the shipped OpenAPI text says older periods follow the query and the newest is slightly adjusted', () => {
    expect(description).toContain('Dla okresów starszych, będzie to zgodne z warunkami zapytania.');
    expect(description).toContain(
      'Jeśli zapytanie dotyczyło najnowszego okresu, wartość ta może być wartością nieznacznie skorygowaną względem górnej granicy podanej w warunkach zapytania.',
    );
    expect(description).toContain('Wartość jest stała dla wszystkich stron tego samego zapytania');
  });

  it('a closed older window answers its own `to`, on every page, with or without restrictToPermanentStorageHwmDate', async () => {
    const to = now - 10 * DAY;
    const range = { dateType: 'PermanentStorage', from: iso(now - 40 * DAY), to: iso(to) };
    const pages = [];
    for (const offset of [0, 1, 2]) pages.push((await query({ ...range, restrictToPermanentStorageHwmDate: true }, `pageOffset=${offset}&pageSize=10`)).body);
    expect(pages.map((p) => [p.invoices.length, p.hasMore, p.permanentStorageHwmDate])).toEqual([
      [10, true, iso(to)],
      [10, true, iso(to)],
      [5, false, iso(to)],
    ]);
    expect((await query(range)).body.permanentStorageHwmDate).toBe(iso(to));
  });

  it('the newest period answers the global mark (now − lag): without `to`, or with a `to` past it', async () => {
    const mark = iso(now - LAG);
    const open = await query({ dateType: 'PermanentStorage', from: iso(now - 20 * DAY), restrictToPermanentStorageHwmDate: true });
    expect(open.body.permanentStorageHwmDate).toBe(mark);
    const toNow = await query({ dateType: 'PermanentStorage', from: iso(now - 20 * DAY), to: iso(now), restrictToPermanentStorageHwmDate: true });
    expect(toNow.body.permanentStorageHwmDate).toBe(mark);
    const justBelow = await query({ dateType: 'PermanentStorage', from: iso(now - 20 * DAY), to: iso(now - LAG - 1) });
    expect(justBelow.body.permanentStorageHwmDate).toBe(iso(now - LAG - 1));
  });

  it('is null for the other date types', async () => {
    const answer = await query({ dateType: 'Invoicing', from: iso(now - 40 * DAY), to: iso(now - 10 * DAY) });
    expect(answer.status).toBe(200);
    expect(answer.body.permanentStorageHwmDate).toBeNull();
  });
});
