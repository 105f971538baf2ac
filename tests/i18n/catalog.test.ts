import { beforeAll, describe, expect, it, vi } from 'vitest';
import sharedPl from '../../lib/i18n/catalog/shared.pl.json';
import sharedEn from '../../lib/i18n/catalog/shared.en.json';
import workerPl from '../../lib/i18n/catalog/worker.pl.json';
import workerEn from '../../lib/i18n/catalog/worker.en.json';
import sendPl from '../../lib/i18n/catalog/send.pl.json';
import sendEn from '../../lib/i18n/catalog/send.en.json';
import popupPl from '../../lib/i18n/catalog/popup.pl.json';
import popupEn from '../../lib/i18n/catalog/popup.en.json';
import pagesPl from '../../lib/i18n/catalog/pages.pl.json';
import pagesEn from '../../lib/i18n/catalog/pages.en.json';
import manifestPl from '../../public/_locales/pl/messages.json';
import manifestEn from '../../public/_locales/en/messages.json';
import { CATALOGS, t, tp } from '../../lib/i18n';
import { pluralPl } from '../../lib/i18n/lang';
import { loadPopupCatalog, t as popupT } from '../../lib/i18n/popup';
import { t as workerT } from '../../lib/i18n/worker';

type Catalog = Record<string, { message: string }>;
beforeAll(() => Promise.all([loadPopupCatalog('pl'), loadPopupCatalog('en')]));
const { pl, en } = CATALOGS;
const sameKeys = (a: object, b: object) => {
  const keys = (c: object) => Object.keys(c).filter((k) => !POLISH_ONLY_PLURALS.test(k)).sort();
  expect(keys(b)).toEqual(keys(a));
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const POLISH_ONLY_PLURALS = /_(few|many)$/;

describe('message catalogs', () => {
  it('keep each key in one file, the same file in both languages', () => {
    const parts = [[sharedPl, sharedEn], [workerPl, workerEn], [sendPl, sendEn], [popupPl, popupEn], [pagesPl, pagesEn], [manifestPl, manifestEn]] as const;
    parts.forEach(([pl, en]) => sameKeys(pl, en));
    const all = parts.flatMap(([pl]) => Object.keys(pl));
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
  });

  it('leave the browser only the manifest strings (wxt.config.ts: __MSG_extName__, __MSG_extDescription__)', () => {
    expect(Object.keys(manifestPl).sort()).toEqual(['extDescription', 'extName']);
  });

  it('have the same keys in Polish and English (Polish may add few/many plural forms)', () => {
    const plKeys = Object.keys(pl).filter((k) => !POLISH_ONLY_PLURALS.test(k)).sort();
    const enKeys = Object.keys(en).filter((k) => !POLISH_ONLY_PLURALS.test(k)).sort();
    expect(enKeys).toEqual(plKeys);
  });

  it('use the same placeholders in both languages', () => {
    const mismatches = Object.entries(en as Catalog)
      .filter(([key, { message }]) => {
        const plEntry = (pl as Catalog)[key];
        return plEntry && placeholders(plEntry.message).join() !== placeholders(message).join();
      })
      .map(([key]) => key);
    expect(mismatches).toEqual([]);
  });

  it('has every Polish plural base complete (one, few, many, other)', () => {
    const bases = Object.keys(pl).filter((k) => k.endsWith('_one')).map((k) => k.slice(0, -4));
    const incomplete = bases.filter((b) => ['one', 'few', 'many', 'other'].some((f) => !(`${b}_${f}` in pl)));
    expect(incomplete).toEqual([]);
  });

  it('has no empty message', () => {
    const empty = [...Object.entries(pl as Catalog), ...Object.entries(en as Catalog)]
      .filter(([, v]) => v.message.trim() === '')
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });
});

describe('Polish plurals', () => {
  it.each([
    [0, '0 faktur'],
    [1, '1 faktura'],
    [2, '2 faktury'],
    [3, '3 faktury'],
    [4, '4 faktury'],
    [5, '5 faktur'],
    [11, '11 faktur'],
    [12, '12 faktur'],
    [14, '14 faktur'],
    [21, '21 faktur'],
    [22, '22 faktury'],
    [104, '104 faktury'],
    [112, '112 faktur'],
    [1.5, '1.5 faktury'],
  ])('%s → %s', (n, expected) => {
    expect(tp('pl', 'invoice_count', n)).toBe(expected);
  });

  it.each([
    [1, '1 nowa faktura kosztowa'],
    [3, '3 nowe faktury kosztowe'],
    [5, '5 nowych faktur kosztowych'],
    [42, '42 nowe faktury kosztowe'],
  ])('new purchase invoices: %s', (n, expected) => {
    expect(tp('pl', 'new_cost_invoices', n)).toBe(expected);
  });

  it('announces an import once, with the right form', () => {
    expect(tp('pl', 'imported_invoices', 42)).toBe('Zaimportowano 42 faktury');
    expect(tp('pl', 'imported_invoices', 1)).toBe('Zaimportowano 1 fakturę');
    expect(tp('en', 'imported_invoices', 42)).toBe('Imported 42 invoices');
  });

  it('pluralPl picks one of three words', () => {
    expect([1, 3, 5, 22, 25].map((n) => pluralPl(n, 'faktura', 'faktury', 'faktur'))).toEqual([
      'faktura',
      'faktury',
      'faktur',
      'faktury',
      'faktur',
    ]);
  });
});

describe('t', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('pl', 'pki_error_FILE_TOO_LARGE', { size: 10, max: 5 })).toContain('10 bajtów, najwyżej 5');
    expect(t('en', 'pki_error_CORRUPT_FILE', {})).toContain('{detail}');
  });

  it('rejects a key that is not in the catalog', () => {
    expect(() => t('pl', 'no_such_key' as never)).toThrow('"key" must be a message of the catalog, got no_such_key');
  });

  it("in the worker and the popup reads their catalogs only, as the pages do", () => {
    expect(workerT('en', 'sync_error_UNEXPECTED')).toBe(t('en', 'sync_error_UNEXPECTED'));
    expect(popupT('pl', 'status_title_OFFLINE')).toBe(t('pl', 'status_title_OFFLINE'));
    expect(() => workerT('pl', 'options_title' as never)).toThrow('"key" must be a message of the catalog, got options_title');
    expect(() => popupT('pl', 'diag_step_login' as never)).toThrow('"key" must be a message of the catalog, got diag_step_login');
  });
});

describe('the popup catalog, one language at a time (issue 15)', () => {
  it('knows only the shared strings until a language is loaded, then that language', async () => {
    // A fresh module: the loads of other tests do not reach it.
    vi.resetModules();
    const popup = await import('../../lib/i18n/popup');
    expect(popup.t('pl', 'sync_error_UNEXPECTED')).toBe(sharedPl.sync_error_UNEXPECTED.message);
    expect(() => popup.t('en', 'popup_open_inbox')).toThrow(new TypeError('"key" must be a message of the catalog, got popup_open_inbox'));
    await popup.loadPopupCatalog('en');
    expect(popup.t('en', 'popup_open_inbox')).toBe(popupEn.popup_open_inbox.message);
    expect(popup.t('en', 'sync_error_UNEXPECTED')).toBe(sharedEn.sync_error_UNEXPECTED.message);
    expect(() => popup.t('pl', 'popup_open_inbox')).toThrow(TypeError);
    await popup.loadPopupCatalog('pl');
    expect(popup.t('pl', 'popup_open_inbox')).toBe(popupPl.popup_open_inbox.message);
    await expect(popup.loadPopupCatalog('de' as 'pl')).rejects.toThrow(new TypeError('"lang" must be pl or en, got de'));
  });
});
