import { describe, expect, it } from 'vitest';
import { isFutureValidFrom, isOfflinePurpose, keyNotDownloaded, parseFormDate } from '../../lib/ap-helper/warnings';
import { formatNip, nipShownOnPage } from '../../lib/ap-helper/page-nip';

describe('the Offline purpose (AP-GUIDE Task 2 step 5)', () => {
  it.each([
    ['Podpis linku do weryfikacji wystawcy', true],
    ['Podpis linku do weryfikacji wystawcy (Offline)', true],
    ['Certyfikat typu Offline', true],
    ['Uwierzytelnienie w systemie KSeF', false],
    ['', false],
  ])('%j → %s', (choice, offline) => {
    expect(isOfflinePurpose(choice)).toBe(offline);
  });
});

describe('"Certyfikat ważny od" after today', () => {
  const today = new Date(2026, 11, 7, 23, 30); // late evening: still the 7th for the user
  it.each([
    ['2026-12-07', false],
    ['2026-12-08', true],
    ['2026-12-06', false],
    ['07.12.2026', false],
    ['8.12.2026', true],
    ['01/01/2027', true],
    ['2027-01-01T00:00', true],
    ['jutro', false],
    ['', false],
    ['2026-13-01', false],
  ])('%j → %s', (value, future) => {
    expect(isFutureValidFrom(value, today)).toBe(future);
  });

  it('reads the forms a date field shows', () => {
    expect(parseFormDate('07-12-2026')).toEqual({ year: 2026, month: 12, day: 7 });
    expect(parseFormDate('32.12.2026')).toBeNull();
  });
});

describe('moving on without the key download', () => {
  it.each([
    ['purpose', false, false, true],
    ['valid_from', false, true, true],
    ['send', false, false, true],
    ['send', true, true, false],
    ['leave_form', false, true, true],
    ['leave_form', false, false, false],
    ['leave_form', true, true, false],
  ] as const)('%s (generated %s, form started %s) → %s', (move, generated, started, warn) => {
    expect(keyNotDownloaded(move, generated, started)).toBe(warn);
  });
});

describe('the NIP the page shows', () => {
  it.each([
    [['Kontekst: NIP 526-587-76-35'], '5265877635'],
    [['NIP: PL5265877635'], '5265877635'],
    [['NIP 526 587 76 35', 'NIP: 5265877635'], '5265877635'],
    [['NIP 5265877636'], undefined], // wrong check digit
    [['NIP 5265877635', 'NIP 1234563218'], undefined], // two organisations: ask nobody to guess
    [['PESEL 5265877635'], undefined],
    [['Brak'], undefined],
  ])('%j → %s', (texts, nip) => {
    expect(nipShownOnPage(texts)).toBe(nip);
  });

  it('prints it as Polish forms do', () => {
    expect(formatNip('5265877635')).toBe('526-587-76-35');
  });
});
