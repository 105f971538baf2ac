// What a correction (KOR, KOR_ZAL, KOR_ROZ) corrects, and the advance data of ZAL/ROZ invoices and their
// corrections (schemat_FA(3)_v1-0E.xsd: DaneFaKorygowanej, Podmiot1K/2K, Zamowienie, ZaliczkaCzesciowa,
// FakturaZaliczkowa).
import type { Lang } from '../i18n';
import { correctionTypeLabel } from './labels';
import { readOrderLine } from './lines';
import { readParty } from './parties';
import type { FaNode } from './reader';
import type { Advance, Correction } from './types';

/** The correction data of `fa`, or undefined when it names no corrected invoice nor a reason. */
export function readCorrection(fa: FaNode, lang: Lang): Correction | undefined {
  const corrected = fa.children('DaneFaKorygowanej');
  const reason = fa.text('PrzyczynaKorekty');
  const type = fa.text('TypKorekty');
  if (corrected.length === 0 && reason === undefined && type === undefined) return undefined;
  const seller = fa.child('Podmiot1K');
  return {
    reason,
    type,
    typeLabel: type === undefined ? undefined : correctionTypeLabel(type, lang),
    corrected: corrected.map((c) => ({
      number: c.text('NrFaKorygowanej') ?? '',
      issueDate: c.text('DataWystFaKorygowanej') ?? '',
      ksefNumber: c.text('NrKSeFFaKorygowanej'),
      outsideKsef: c.flag('NrKSeFN'),
    })),
    period: fa.text('OkresFaKorygowanej'),
    correctedNumber: fa.text('NrFaKorygowany'),
    originalSeller: seller ? readParty(seller) : undefined,
    originalBuyers: fa.children('Podmiot2K').map(readParty),
    grossBefore: fa.text('P_15ZK'),
  };
}

/** Advance data of `fa`, or undefined when it has none. */
export function readAdvance(fa: FaNode, lang: Lang): Advance | undefined {
  const order = fa.child('Zamowienie');
  const payments = fa.children('ZaliczkaCzesciowa');
  const advances = fa.children('FakturaZaliczkowa');
  if (!order && payments.length === 0 && advances.length === 0) return undefined;
  return {
    orderValue: order?.text('WartoscZamowienia'),
    orderLines: order?.children('ZamowienieWiersz').map((l) => readOrderLine(l, lang)) ?? [],
    payments: payments.map((p) => ({
      date: p.text('P_6Z') ?? '',
      amount: p.text('P_15Z') ?? '',
      exchangeRate: p.text('KursWalutyZW'),
    })),
    advanceInvoices: advances.map((a) => ({
      number: a.text('NrFaZaliczkowej'),
      ksefNumber: a.text('NrKSeFFaZaliczkowej'),
    })),
  };
}
