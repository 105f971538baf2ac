import { describe, expect, it } from 'vitest';
import { checkFilter, matchesInvoice, needsRecordCheck, type InboxFilter } from '../../lib/inbox';
import { record } from './helpers';

const base: InboxFilter = { dateField: 'issueDate', direction: 'desc' };

describe('matchesInvoice', () => {
  // record(0): Żółta Łódź Sp. z o.o., NIP 5261040828, FV/0/2025
  const r = record(0);
  it.each([
    ['empty search', '', true],
    ['seller name without Polish marks', 'zolta lodz', true],
    ['seller name in upper case with marks', 'ŻÓŁTA', true],
    ['collapsed whitespace', '  żółta    łódź ', true],
    ['invoice number', 'fv/0/2025', true],
    ['KSeF number fragment', '20260115-000000000000', true],
    ['NIP', '5261040828', true],
    ['NIP with dashes', '526-104-08-28', true],
    ['NIP with PL prefix', 'PL 5261040828', true],
    ['another seller', 'bilans', false],
    ['another NIP', '7740001454', false],
    ['two digits do not match a NIP by digits', '99', false],
  ])('%s', (_, search, expected) => {
    expect(matchesInvoice(r, { search })).toBe(expected);
  });

  it('filters by the seller NIP exactly', () => {
    expect(matchesInvoice(r, { sellerNip: '5261040828' })).toBe(true);
    expect(matchesInvoice(r, { sellerNip: '7740001454' })).toBe(false);
  });

  it('cuts a very long search instead of scanning it whole', () => {
    expect(matchesInvoice(r, { search: 'x'.repeat(100_000) })).toBe(false);
  });
});

describe('needsRecordCheck', () => {
  it.each([
    [{}, false],
    [{ search: '   ' }, false],
    [{ search: 'a' }, true],
    [{ sellerNip: '5261040828' }, true],
  ])('%j → %s', (extra, expected) => {
    expect(needsRecordCheck({ ...base, ...extra })).toBe(expected);
  });
});

describe('checkFilter', () => {
  it.each([
    [{ dateField: 'x' }, '"dateField" must be issueDate or permanentStorageDate'],
    [{ direction: 'up' }, '"direction" must be asc or desc'],
    [{ state: 'paid' }, '"state" must be one of new, seen, booked'],
    [{ from: '1.1.2026' }, '"from" must be a date as YYYY-MM-DD'],
    [{ to: 20260101 }, '"to" must be a date as YYYY-MM-DD'],
    [{ sellerNip: '123' }, '"sellerNip" must be a NIP of 10 digits'],
    [{ search: 5 }, '"search" must be a string'],
    [{ profileId: '' }, '"profileId" must be a non-empty string'],
  ])('%j', (extra, message) => {
    expect(() => checkFilter({ ...base, ...(extra as object) } as InboxFilter)).toThrow(new TypeError(message));
  });

  it('accepts a full filter', () => {
    expect(() =>
      checkFilter({ ...base, profileId: 'p1', state: 'new', from: '2026-01-01', to: '2026-01-31', sellerNip: '5261040828', search: 'x' }),
    ).not.toThrow();
  });
});
