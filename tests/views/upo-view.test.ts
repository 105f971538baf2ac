// The UPO read model against KSeF's own samples (shared/ksef/upo-v4-3-*.xml) and hostile or foreign input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readUpo, upoConfirmsFile, upoFileName, upoTime } from '../../lib/views/upo-view';

// KSeF's samples (shared/ksef/upo-v4-3-*.xml, copied to tests/fixtures/ksef).
const sample = (name: string) => readFileSync(`tests/fixtures/ksef/${name}`, 'utf8');
const INVOICE_UPO = sample('upo-v4-3-faktura-kontekst-nip.xml');
const SESSION_UPO = sample('upo-v4-3-sesja-kontekst-nip.xml');

describe('readUpo', () => {
  it('reads the per-invoice UPO: who received what and when, and the hash', () => {
    const result = readUpo(INVOICE_UPO);
    expect(result).toEqual({
      ok: true,
      upo: {
        receiver: 'Ministerstwo Finansów - środowisko testowe (TE)',
        sessionRef: '36950822-93-9D5A28BFDA-47C899773E-5C',
        context: { kind: 'Nip', value: '5265877635' },
        authentication: { kind: 'signature', value: 'kyqH+QUgP8ATWd/95IY632mP4uqibwG66Oqclq9+qno=' },
        schemaName: 'Schemat_FA(3)_v1-0E.xsd',
        formCode: 'FA (3)',
        documents: [
          {
            sellerNip: '5265877635',
            ksefNumber: '5265877635-20250916-0200A0D6723E-C2',
            invoiceNumber: 'FA/XVQUD-9997622510/04/2027',
            issueDate: '2025-09-16',
            receivedAt: '2025-09-16T11:05:40.841+02:00',
            numberedAt: '2025-09-16T11:05:41.045+02:00',
            hash: 'GZMGNVzs3krF6URKgvaw77OOeG3nJ+WGziT5xguliQ8=',
            mode: 'Online',
          },
        ],
      },
    });
  });

  it('reads the collective UPO with its page description and every document', () => {
    const result = readUpo(SESSION_UPO);
    if (!result.ok) throw new Error('expected a UPO');
    expect(result.upo.page).toEqual({ number: 1, of: 1, from: 1, to: 2, total: 2 });
    expect(result.upo.documents.map((d) => d.ksefNumber)).toEqual([
      '5265877635-20250916-010040741B3E-46',
      '5265877635-20250916-0200A0D6723E-C2',
    ]);
  });

  it('reads a token login, a prefixed namespace and ignores the MF signature', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<u:Potwierdzenie xmlns:u="http://upo.schematy.mf.gov.pl/KSeF/v4-3" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
  <u:NazwaPodmiotuPrzyjmujacego>Ministerstwo Finansów</u:NazwaPodmiotuPrzyjmujacego>
  <u:NumerReferencyjnySesji>20250916-SO-9D5A28BFDA-47C899773E-5C</u:NumerReferencyjnySesji>
  <u:Uwierzytelnienie><u:IdKontekstu><u:IdWewnetrzny>5265877635-00001</u:IdWewnetrzny></u:IdKontekstu>
    <u:NumerReferencyjnyTokenaKSeF>20250916-TK-0000000000-0000000000-00</u:NumerReferencyjnyTokenaKSeF></u:Uwierzytelnienie>
  <u:NazwaStrukturyLogicznej>Schemat_FA(3)_v1-0E.xsd</u:NazwaStrukturyLogicznej><u:KodFormularza>FA (3)</u:KodFormularza>
  <ds:Signature><ds:SignedInfo><u:Dokument><u:NumerFaktury>not a document</u:NumerFaktury></u:Dokument></ds:SignedInfo></ds:Signature>
</u:Potwierdzenie>`;
    const result = readUpo(xml);
    if (!result.ok) throw new Error('expected a UPO');
    expect(result.upo.context).toEqual({ kind: 'IdWewnetrzny', value: '5265877635-00001' });
    expect(result.upo.authentication).toEqual({ kind: 'token', value: '20250916-TK-0000000000-0000000000-00' });
    expect(result.upo.documents).toEqual([]);
    expect(result.upo.page).toBeUndefined();
  });

  it.each([
    ['not XML', 'UPO?', 'NOT_XML'],
    ['an entity (no DTD is ever parsed)', '<!DOCTYPE x [<!ENTITY a "b">]><Potwierdzenie xmlns="http://upo.schematy.mf.gov.pl/KSeF/v4-3"/>', 'NOT_XML'],
    ['another root', '<Faktura xmlns="http://upo.schematy.mf.gov.pl/KSeF/v4-3"/>', 'NOT_UPO'],
    ['another namespace', '<Potwierdzenie xmlns="urn:other"/>', 'NOT_UPO'],
  ])('refuses %s as %s', (_, xml, reason) => {
    expect(readUpo(xml)).toEqual({ ok: false, reason });
  });

  it('checks its argument', () => {
    expect(() => readUpo(1 as never)).toThrow(new TypeError('"xml" must be a string'));
  });
});

describe('upoConfirmsFile and upoFileName', () => {
  it.each([
    ['abc=', 'abc=', true],
    ['abc=', 'abd=', false],
    ['abc=', undefined, undefined],
    ['', 'abc=', undefined],
  ])('UPO hash %s vs sent %s → %s', (hash, sent, expected) => {
    expect(upoConfirmsFile({ hash }, sent)).toBe(expected);
  });

  it('names the file after the KSeF number, file-system safe', () => {
    expect(upoFileName('5265877635-20250916-0200A0D6723E-C2')).toBe('UPO-5265877635-20250916-0200A0D6723E-C2.xml');
    expect(upoFileName('../a b')).toBe('UPO-___a_b.xml');
    expect(() => upoFileName('')).toThrow(new TypeError('"id" must be a non-empty string'));
  });
});

describe('upoTime', () => {
  it.each([
    ['2025-09-16T11:05:40.841+02:00', 'pl', '16.09.2025, 11:05:40'],
    ['2025-12-16T10:05:40Z', 'pl', '16.12.2025, 11:05:40'],
    ['2025-09-16T11:05:40.841+02:00', 'en', '16/09/2025, 11:05:40'],
    ['wczoraj', 'pl', 'wczoraj'],
    ['2025-09-16', 'pl', '2025-09-16'],
  ] as const)('%s in %s → %s', (iso, lang, text) => {
    expect(upoTime(iso, lang)).toBe(text);
  });
});
