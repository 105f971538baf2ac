// The inbox form → filter translation (components/inbox/filter-state.ts): half-typed input is left out.
import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, hasActiveFilter, isSellerNipValid, toInboxFilter } from '../../components/inbox/filter-state';

const now = new Date('2026-03-15T10:00:00Z');

describe('toInboxFilter', () => {
  it.each([
    [{}, { dateField: 'issueDate', direction: 'desc' }],
    [{ sort: 'permanentStorageDate_asc' }, { dateField: 'permanentStorageDate', direction: 'asc' }],
    [{ period: 'this_month' }, { dateField: 'issueDate', direction: 'desc', from: '2026-03-01', to: '2026-03-31' }],
    [{ period: 'custom', from: '2026-01-05', to: '' }, { dateField: 'issueDate', direction: 'desc', from: '2026-01-05' }],
    [{ profileId: 'p1', state: 'booked' }, { dateField: 'issueDate', direction: 'desc', profileId: 'p1', state: 'booked' }],
    [{ sellerNip: '526-104-08-28' }, { dateField: 'issueDate', direction: 'desc', sellerNip: '5261040828' }],
    [{ sellerNip: '5261' }, { dateField: 'issueDate', direction: 'desc' }],
    [{ search: '  ' }, { dateField: 'issueDate', direction: 'desc' }],
    [{ search: 'Świt' }, { dateField: 'issueDate', direction: 'desc', search: 'Świt' }],
  ])('%j', (form, expected) => {
    expect(toInboxFilter({ ...EMPTY_FORM, ...(form as object) }, now)).toEqual(expected);
  });

  it.each([
    ['5261040828', true],
    ['526 104 08 28', true],
    ['526104082', false],
    ['52610408281', false],
    ['abcdefghij', false],
  ])('isSellerNipValid(%s) = %s', (text, expected) => {
    expect(isSellerNipValid(text)).toBe(expected);
  });
});

describe('hasActiveFilter ("Wyczyść filtry" shows only then; issue 16, B13)', () => {
  it('is false for the empty form and for a changed order alone', () => {
    expect(hasActiveFilter(EMPTY_FORM)).toBe(false);
    expect(hasActiveFilter({ ...EMPTY_FORM, sort: 'issueDate_asc', search: '  ' })).toBe(false);
  });

  it.each([
    ['profileId', { profileId: 'a' }],
    ['period', { period: 'this_month' as const }],
    ['state', { state: 'new' as const }],
    ['sellerNip', { sellerNip: '52' }],
    ['search', { search: 'orlen' }],
  ])('is true with %s set', (_name, change) => {
    expect(hasActiveFilter({ ...EMPTY_FORM, ...change })).toBe(true);
  });
});
