// The page components rendered to static HTML in Node: the invoice view of every sample invoice, hostile
// content in every field (RELIABILITY.md G12: only the view's own tags, nothing from the data), the popup
// card in each connection state, and no raw-HTML escape hatch anywhere in the code that renders invoices.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvoiceDocument } from '../../components/invoice';
import { formatAccountNumber } from '../../components/invoice/account-number';
import { ProfileCard } from '../../components/popup';
import { parseInvoice } from '../../lib/invoice/parse';
import type { ProfileState } from '../../lib/views/profile-status';
import { hostileStrings, LONG_THRESHOLD, xmlEscape } from '../invoice/hostile-strings';
import { profileInput } from './e2e-seed';
import { NOW, record } from './helpers';
import { loadPopupCatalog } from '../../lib/i18n/popup';

// The popup's strings come one language at a time (lib/i18n/popup.ts); a page loads its language in mountPage.
beforeAll(() => Promise.all([loadPopupCatalog('pl'), loadPopupCatalog('en')]));

const fixture = (file: string) => readFileSync(path.resolve('tests/fixtures', file), 'utf8');
const TAGS = /<([a-zA-Z][a-zA-Z0-9-]*)[\s>/]/g;
const OWN_TAGS = new Set([
  'article', 'header', 'div', 'p', 'h1', 'h2', 'h3', 'span', 'dl', 'dt', 'dd', 'section', 'table', 'caption', 'thead',
  'tbody', 'tr', 'th', 'td', 'ul', 'li', 'svg', 'rect', 'path', 'a',
]);
const tagsOf = (html: string) => new Set([...html.matchAll(TAGS)].map((m) => m[1]!));

describe('InvoiceDocument', () => {
  it.each([
    ['ksef/sample-fa3-invoice-pdfgen.xml', ['FA/YUCFO-4342344706/03/2026', 'Bartkowiak, Dróżdż and Górecki', '33\u00a0569,50\u00a0zł', 'Razem brutto']],
    ['ksef/sample-fa3-template-subject3.xml', ['FV2026/02/150', 'Szkoła Testowa', 'Podmiot trzeci']],
    ['invoice/fa3-correction.xml', ['Korekta', 'Faktury korygowane', 'FA/YUCFO-4342344706/03/2026 z dnia 31.10.2025', 'stan przed korektą', 'Różnica należności', 'PL61 1090 1014 0000 0712 1981 2874']],
    ['invoice/fa3-advance.xml', ['ZAL/2026/01/7', 'Zaliczka', 'Wartość zamówienia']],
    ['invoice/fa3-final.xml', ['ROZ/2026/02/1', 'Rozliczane faktury zaliczkowe']],
  ])('%s shows its parties, numbers and amounts', (file, expected) => {
    const invoice = parseInvoice(fixture(file), { ksefNumber: '5265877635-20251031-0100001AF629-B1' });
    const html = renderToStaticMarkup(createElement(InvoiceDocument, { invoice, lang: 'pl', verificationLink: 'https://qr-test.ksef.mf.gov.pl/invoice/5265877635/31-10-2025/abc' }));
    const text = html.replace(/<[^>]+>/g, '');
    for (const snippet of expected) expect(text).toContain(snippet);
    expect([...tagsOf(html)].filter((tag) => !OWN_TAGS.has(tag))).toEqual([]);
    expect(html).toContain('5265877635-20251031-0100001AF629-B1');
    expect(html).toMatch(/<svg role="img" aria-label="Kod QR z linkiem weryfikacyjnym faktury" viewBox="0 0 \d+ \d+"/);
  });

  it('the FA(3) sample template: registers and the account description labelled, zero settlement lines gone, one caption (B14)', () => {
    const invoice = parseInvoice(fixture('ksef/sample-fa3-template-basic.xml').replace(/#nip#/g, '5213017228').replace(/#invoice_number#/g, '1'));
    const html = renderToStaticMarkup(createElement(InvoiceDocument, { invoice, lang: 'pl' }));
    const labels = [...html.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]);
    expect(labels).toEqual(expect.arrayContaining(['KRS', 'REGON', 'BDO', 'Opis rachunku']));
    expect(labels).not.toContain('Rejestry');
    expect(labels).not.toContain('');
    expect(html).not.toContain('<caption class="kp-visually-hidden"');
    expect(html.match(/Pozycje faktury/g)).toHaveLength(1);
    expect(html).toMatch(/<table class="kp-inv-table" aria-labelledby="kp-inv-lines">/);
    expect(html).not.toContain('Odsetki');
    expect(html).toMatch(/<h2 class="kp-inv-party-title">Sprzedawca<\/h2>/);
  });

  it('draws no QR and no link for a link that is not https', () => {
    const invoice = parseInvoice(fixture('invoice/fa3-final.xml'));
    const html = renderToStaticMarkup(createElement(InvoiceDocument, { invoice, lang: 'pl', verificationLink: 'javascript:alert(1)' }));
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('<a ');
    expect(html).toContain('Link weryfikacyjny nie jest dostępny');
  });

  const template = fixture('invoice/fa3-all-text.xml');
  const markers = [...template.matchAll(/@@(TEXT|MULTI)@@/g)].length;
  const short = hostileStrings().filter((s) => s.length <= LONG_THRESHOLD);
  const invoices = Math.ceil(short.length / markers);

  it(`renders ${short.length} hostile strings spread over every field of ${invoices} invoices as text only`, () => {
    const foreign = new Set<string>();
    let scriptish = 0;
    for (let j = 0; j < invoices; j++) {
      let k = 0;
      const xml = template.replace(/@@(TEXT|MULTI)@@/g, () => xmlEscape(short[(j * markers + k++) % short.length]!));
      const html = renderToStaticMarkup(createElement(InvoiceDocument, { invoice: parseInvoice(xml), lang: 'pl' }));
      for (const tag of tagsOf(html)) if (!OWN_TAGS.has(tag)) foreign.add(tag);
      // Every "<" of the data is escaped: any tag left in the markup is one of the view's own.
      if (/<(script|img|iframe|svg|style|object|base|meta|link|form|math|details|template|body)\b/i.test(html.replace(/<svg role="img"/g, ''))) scriptish++;
      expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    }
    expect([...foreign]).toEqual([]);
    expect(scriptish).toBe(0);
  });
});

describe('formatAccountNumber', () => {
  it.each([
    ['PL61109010140000071219812874', 'PL61 1090 1014 0000 0712 1981 2874'],
    ['61109010140000071219812874', '61 1090 1014 0000 0712 1981 2874'],
    ['DE89 3704 0044 0532 0130 00', 'DE89 3704 0044 0532 0130 00'],
    ['<b>konto</b>', '<b>konto</b>'],
  ])('%s → %s', (input, expected) => {
    expect(formatAccountNumber(input)).toBe(expected);
  });
});

describe('ProfileCard', () => {
  const profile = { ...profileInput('fundacja', 'Fundacja Otwarte Drzwi'), createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
  const render = (state: ProfileState, extra: object = {}) =>
    renderToStaticMarkup(
      createElement(ProfileCard, {
        profile,
        status: { profileId: 'fundacja', state, newCount: 3, lastSyncAt: '2026-02-10T11:45:00Z', nextSyncAt: '2026-02-10T12:00:00Z', ...extra },
        newCount: 3,
        newest: [record(1), record(2, {}, 'seen')],
        lang: 'pl',
        now: NOW,
        syncing: false,
        onFix: () => undefined,
        onRetry: () => undefined,
        onLog: () => undefined,
        onOpenInvoice: () => undefined,
      }),
    ).replace(/<[^>]+>/g, '|');

  it.each([
    ['ok', 'Połączono z KSeF', false],
    ['syncing', 'Sprawdzam…', false],
    ['attention', 'Wymaga uwagi', true],
    ['rate_limited', 'Przerwa wymuszona przez KSeF', false],
    ['error', 'Błąd synchronizacji', true],
    ['not_configured', 'Nie dokończono konfiguracji', true],
  ] as const)('%s: says "%s"; fix button: %s', (state, label, fix) => {
    const text = render(state);
    expect(text).toContain(label);
    expect(text.includes('Napraw w ustawieniach')).toBe(fix);
    // Recent times as said (B17), Warsaw time.
    expect(text).toContain('Ostatnio sprawdzono: dziś 12:45 · następne: dziś 13:00');
    expect(text).toContain('3 nowe');
    expect(text).toContain('FV/1/2025');
  });

  it('does not claim a connection before the first check', () => {
    const text = render('ok', { lastSyncAt: undefined });
    expect(text).toContain('Czeka na pierwsze sprawdzenie');
    expect(text).not.toContain('Połączono z KSeF');
    expect(text).toContain('Jeszcze nie sprawdzono');
  });

  it('shows the reason and what to do', () => {
    const text = render('attention', {
      problem: { code: 'AUTH_FAILED', message: 'KSeF odrzucił certyfikat.', messageEn: 'KSeF refused the certificate.', fix: 'Wgraj nowy certyfikat.' },
    });
    expect(text).toContain('KSeF odrzucił certyfikat.');
    expect(text).toContain('Wgraj nowy certyfikat.');
  });

  it('invoice buttons are named by what they show (no aria-label: B16)', () => {
    const html = renderToStaticMarkup(
      createElement(ProfileCard, {
        profile, newCount: 0, newest: [record(1)], lang: 'pl', now: NOW, syncing: false,
        onFix: () => undefined, onRetry: () => undefined, onLog: () => undefined, onOpenInvoice: () => undefined,
      }),
    );
    expect(html).not.toContain('aria-label="Otwórz fakturę');
    expect(html).toMatch(/<button type="button" class="kp-popup-inv">/);
  });

  it('while failing: the last SUCCESSFUL check, "Spróbuj ponownie" and the log, no settings button (B4)', () => {
    const text = render('retrying', {
      lastSyncAt: '2026-02-10T11:58:00Z',
      lastSuccessAt: '2026-02-09T08:12:00Z',
      failingSince: '2026-02-10T11:00:00Z',
      problem: { code: 'OFFLINE', title: 'Brak połączenia z KSeF', titleEn: 'x', message: 'Od …', messageEn: 'x', fix: 'Sprawdź połączenie z internetem.', needsUser: false },
    });
    expect(text).toContain('Ostatnie udane sprawdzenie: wczoraj 9:12');
    expect(text).not.toContain('Ostatnio sprawdzono');
    expect(text).toContain('Spróbuj ponownie');
    expect(text).toContain('Dziennik zdarzeń');
    expect(text).not.toContain('Napraw w ustawieniach');
  });

  it('says when KSeF lets it try again', () => {
    expect(render('rate_limited', { rateLimitedUntil: '2026-02-10T13:30:00Z' })).toContain('KSeF prosi o przerwę do 10.02.2026 14:30.');
  });
});

describe('no raw HTML', () => {
  const roots = ['components/invoice', 'components/inbox', 'components/popup', 'entrypoints/inbox', 'entrypoints/popup', 'lib/inbox'];
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : /\.tsx?$/.test(name) ? [full] : [];
    });
  const files = roots.flatMap((dir) => walk(dir));

  it.each(files)('%s', (file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
