// The send view's components rendered to static HTML in Node with hostile text in every field that comes from a
// file or from KSeF (RELIABILITY.md G12): only the view's own tags appear, the text is escaped, and every button
// has a name in the page language.
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SendView, SentItemDetail } from '../../components/send';
import { parseInvoice } from '../../lib/invoice/parse';
import { groupByBatch, type SentItem } from '../../lib/views/outbox-view';
import { readUpo } from '../../lib/views/upo-view';
import { hostileStrings } from '../invoice/hostile-strings';

const OWN_TAGS = new Set([
  'div', 'section', 'h1', 'h2', 'h3', 'p', 'span', 'button', 'input', 'label', 'select', 'option', 'ul', 'li', 'dl', 'dt',
  'dd', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'article', 'header', 'caption', 'svg', 'rect', 'path', 'a',
]);
const tagsOf = (html: string) => new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)[\s>/]/g)].map((m) => m[1]!));
const NOW = new Date('2026-03-02T10:00:00Z');
const noop = () => undefined;

function item(step: SentItem['step'], text: string, extra: Partial<SentItem> = {}): SentItem {
  return {
    id: `${step}-${text.length}`, profileId: 'a', batchId: 'b', fileName: `${text}.xml`, createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:00:00.000Z', step,
    facts: { sellerNip: '5265877635', buyerName: text, kind: 'VAT', number: text, issueDate: '2026-03-01', gross: '12.30', sha256Base64: 'x' },
    ...extra,
  };
}

function sendView(text: string, lang: 'pl' | 'en' = 'pl') {
  const items = [
    item('accepted', text, { ksefNumber: '5265877635-20260302-0100001AF629-B1', acquisitionDate: '2026-03-02T09:00:03.000Z' }),
    item('rejected', text, { ksefStatus: { code: 450, description: text, details: [text] } }),
    item('failed', text, { error: { code: 'NETWORK', message: text } }),
  ];
  return renderToStaticMarkup(
    createElement(SendView, {
      lang, profiles: [{ id: 'a', nip: '5265877635', name: text }], profileChoice: 'a', onProfileChoice: noop, checking: false,
      rows: [
        { key: '0', fileName: text, ok: true, facts: items[0]!.facts, profile: { id: 'a', nip: '5265877635', name: text }, problems: [] },
        { key: '1', fileName: text, ok: false, problems: [{ code: 'XSD_INVALID', text }] },
      ],
      onFiles: noop, onRemoveFile: noop, onClear: noop, sending: false, onSend: noop, notice: { kind: 'error', text },
      batches: groupByBatch(items), now: NOW, busy: new Set<string>(), onOpen: noop, onRetry: noop, onRemove: noop, onExport: noop,
    }),
  );
}

describe('SendView', () => {
  it.each(hostileStrings().slice(0, 60).map((s) => [s]))('renders %j as text only', (text) => {
    const html = sendView(text);
    expect([...tagsOf(html)].filter((tag) => !OWN_TAGS.has(tag))).toEqual([]);
    // Attribute values are quoted and escaped, so every attribute name is ours: none is an event handler.
    const names = new Set([...html.matchAll(/\s([a-zA-Z:-]+)="[^"]*"/g)].map((m) => m[1]!));
    expect([...names].filter((n) => /^on/i.test(n))).toEqual([]);
  });

  it('names every button, in Polish and in English', () => {
    const pl = sendView('FV/1/2026');
    for (const name of ['Wybierz pliki…', 'Wyślij 1 fakturę do KSeF', 'Wyczyść listę plików', 'Eksportuj przyjęte do CSV (Excel)']) expect(pl).toContain(`>${name}</button>`);
    for (const label of ['Usuń plik FV/1/2026 z listy', 'Pokaż fakturę FV/1/2026', 'Ponów wysyłkę faktury FV/1/2026', 'Usuń fakturę FV/1/2026 z listy wysłanych']) {
      expect(pl).toContain(`aria-label="${label}"`);
    }
    expect(pl).toContain('Przyjęta przez KSeF');
    expect(pl).toContain('Nie udało się wysłać — ponów');
    expect(pl).toContain('1 przyjęta przez KSeF, 1 odrzucona, 1 niewysłana');
    const en = sendView('FV/1/2026', 'en');
    expect(en).toContain('>Send 1 invoice to KSeF</button>');
    expect(en).toContain('aria-label="Retry sending invoice FV/1/2026"');
  });
});

describe('SentItemDetail', () => {
  it('shows an accepted invoice with KOD I, its UPO read and the hash confirmed', () => {
    const xml = readFileSync('tests/fixtures/ksef/sample-fa3-invoice-pdfgen.xml', 'utf8');
    const upoXml = readFileSync('tests/fixtures/ksef/upo-v4-3-faktura-kontekst-nip.xml', 'utf8');
    const accepted = item('accepted', 'FA/XVQUD-9997622510/04/2027', {
      ksefNumber: '5265877635-20250916-0200A0D6723E-C2', acquisitionDate: '2025-09-16T09:05:41.045Z', upoXml,
      facts: { sellerNip: '5265877635', kind: 'VAT', number: 'FA/XVQUD-9997622510/04/2027', issueDate: '2025-09-16', sha256Base64: 'GZMGNVzs3krF6URKgvaw77OOeG3nJ+WGziT5xguliQ8=' },
    });
    const html = renderToStaticMarkup(
      createElement(SentItemDetail, {
        lang: 'pl', item: accepted, view: parseInvoice(xml), link: 'https://qr-test.ksef.mf.gov.pl/invoice/5265877635/16-09-2025/abc',
        upo: readUpo(upoXml), sessionUpo: [], now: NOW, onBack: noop, onDownloadXml: noop, onDownloadUpo: noop, onDownloadSessionUpo: noop,
      }),
    );
    const text = html.replace(/<[^>]+>/g, ' ');
    for (const snippet of ['Urzędowe poświadczenie odbioru (UPO)', 'Ministerstwo Finansów - środowisko testowe (TE)', 'zgodny z wysłanym plikiem', 'Pobierz UPO (XML)', 'UPO zbiorcze pojawi się', 'Drukuj z kodem QR']) {
      expect(text).toContain(snippet);
    }
    expect(html).toMatch(/<svg role="img" aria-label="Kod QR z linkiem weryfikacyjnym faktury"/);
  });

  it('shows a rejected invoice with its reason and no KOD I', () => {
    const rejected = item('rejected', 'FV/2', { ksefStatus: { code: 450, description: 'Błąd weryfikacji semantyki dokumentu faktury' } });
    const html = renderToStaticMarkup(
      createElement(SentItemDetail, { lang: 'pl', item: rejected, sessionUpo: [], now: NOW, onBack: noop, onDownloadXml: noop, onDownloadUpo: noop, onDownloadSessionUpo: noop }),
    );
    expect(html).toContain('KSeF: 450 Błąd weryfikacji semantyki dokumentu faktury.');
    expect(html).not.toContain('UPO');
    expect(html).not.toContain('<svg');
  });
});
