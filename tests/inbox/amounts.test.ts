// The inbox row's amounts: net and gross in the invoice's currency, VAT in złoty (openapi InvoiceMetadata.vatAmount
// "wyrażona w PLN", NOTES §7.1).
import { describe, expect, it } from 'vitest';
import { rowAmounts } from '../../lib/inbox';

const nbsp = (text: string) => text.replace(/\s/g, ' ');

describe('rowAmounts', () => {
  it('formats a złoty invoice in the page language', () => {
    const pl = rowAmounts({ netAmount: 2624.46, vatAmount: 603.62, grossAmount: 3228.08, currency: 'PLN' }, 'pl');
    expect({ net: nbsp(pl.net), vat: nbsp(pl.vat), gross: nbsp(pl.gross) }).toEqual({ net: '2 624,46 zł', vat: '603,62 zł', gross: '3 228,08 zł' });
    expect(nbsp(rowAmounts({ netAmount: 1000, vatAmount: 230, grossAmount: 1230, currency: 'PLN' }, 'en').gross)).toBe('PLN 1,230.00');
  });

  it('states the VAT of a foreign-currency invoice in złoty, and net and gross in its currency', () => {
    const row = rowAmounts({ netAmount: 1000, vatAmount: 986.5, grossAmount: 1230, currency: 'EUR' }, 'pl');
    expect(nbsp(row.net)).toBe('1 000,00 €');
    expect(nbsp(row.vat)).toBe('986,50 zł');
    expect(nbsp(row.gross)).toBe('1 230,00 €');
  });
});
