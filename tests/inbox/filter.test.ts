import { describe, expect, it } from 'vitest';
import { checkFilter, SEARCH_PAUSE_MS, searchDelay, type InboxFilter } from '../../lib/inbox/filter';

const base: InboxFilter = { dateField: 'issueDate', direction: 'desc' };

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

describe('searchDelay (issue 15: a number or a word is searched on its key)', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['p', SEARCH_PAUSE_MS],
    [' 52 ', SEARCH_PAUSE_MS],
    ['pgn', 0],
    ['FV/00123/2026', 0],
    ['5270103391', 0],
    ['527-010-33-91', 0],
  ])('%j waits %i ms', (text, ms) => {
    expect(searchDelay(text)).toBe(ms);
  });

  it('refuses what is not text', () => {
    expect(() => searchDelay(undefined as unknown as string)).toThrow(new TypeError('"text" must be a string'));
  });
});
