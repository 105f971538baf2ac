// The invoice as the pages show it: a plain, serialisable object of strings, numbers and booleans (no DOM
// nodes), so it can cross the message boundary and be stored. Amounts and quantities stay decimal strings
// exactly as written in the XML: money is never a float. Every string has passed sanitizeForDisplay.
// Codes (kind, rates, payment method, roles) are kept as written, with a catalog label beside them when known.
import type { InvoiceSchema } from './xml';

export type { InvoiceSchema };
export type InvoiceKind = 'VAT' | 'KOR' | 'ZAL' | 'ROZ' | 'UPR' | 'KOR_ZAL' | 'KOR_ROZ';

export interface Address {
  countryCode: string;
  line1: string;
  line2?: string;
  gln?: string;
}

export interface Contact {
  email?: string;
  phone?: string;
}

/** Seller (Podmiot1), buyer (Podmiot2), a third party (Podmiot3) or a corrected party (Podmiot1K/2K). */
export interface Party {
  name?: string;
  nip?: string;
  /** EU VAT number: KodUE + NrVatUE. */
  euVatId?: { countryCode: string; number: string };
  /** Another tax identifier: KodKraju (optional) + NrID. */
  otherTaxId?: { countryCode?: string; number: string };
  /** BrakID: the party has no tax identifier on the invoice. */
  noTaxId: boolean;
  /** IDWew: internal identifier (NIP-ddddd) of a unit of the buyer. */
  internalId?: string;
  /** PrefiksPodatnika of the seller. */
  vatPrefix?: string;
  eori?: string;
  address?: Address;
  correspondenceAddress?: Address;
  contacts: Contact[];
  customerNumber?: string;
  /** IDNabywcy: links buyer data between an invoice and its corrections. */
  buyerId?: string;
  /** Podmiot3 only: the role code (1–11, or `other` for RolaInna), its label, and OpisRoli for `other`. */
  role?: string;
  roleLabel?: string;
  roleDescription?: string;
  /** Podmiot3 only: Udzial, the share of an additional buyer in percent. */
  share?: string;
}

export interface InvoiceLine {
  number?: string;
  uuid?: string;
  /** P_6A: delivery date of this line. */
  deliveryDate?: string;
  name?: string;
  index?: string;
  gtin?: string;
  pkwiu?: string;
  cn?: string;
  pkob?: string;
  unit?: string;
  quantity?: string;
  unitNetPrice?: string;
  unitGrossPrice?: string;
  discount?: string;
  net?: string;
  gross?: string;
  vat?: string;
  /** P_12 as written (23, 8, 0 KR, zw, np I, …) and its label; P_12_XII (OSS rate) when that is used. */
  rate?: string;
  rateLabel?: string;
  ossRate?: string;
  exciseAmount?: string;
  gtu?: string;
  procedure?: string;
  exchangeRate?: string;
  /** StanPrzed: on a correction, this line shows the state before the correction. */
  before: boolean;
}

/** One row of the VAT summary: the P_13_x / P_14_x / P_14_xW fields of one rate group. */
export interface VatSummaryRow {
  /** Which rate group: basic, reduced1, reduced2, taxi, oss, 0 KR, 0 WDT, 0 EX, zw, np I, np II, oo, margin. */
  group: string;
  rateLabel: string;
  net?: string;
  vat?: string;
  /** The VAT converted to PLN when the invoice is in another currency. */
  vatPln?: string;
}

export interface Totals {
  /** Sum of the net values of the summary; absent when a summary value is not a decimal number. */
  net?: string;
  vat?: string;
  /** P_15: the amount due in total (on a correction, the difference). */
  gross: string;
}

export interface BankAccount {
  number: string;
  swift?: string;
  bankName?: string;
  description?: string;
  /** RachunekBankowyFaktora: the account of a factor, not of the seller. */
  factor: boolean;
}

export interface Payment {
  paid: boolean;
  paymentDate?: string;
  partialPayments: { amount: string; date: string; method?: string; methodLabel?: string; otherMethod?: string }[];
  /** TerminPlatnosci: a date, or a description (count, unit, starting event) such as "14 dni od dostawy". */
  dueDates: { date?: string; count?: string; unit?: string; event?: string }[];
  method?: string;
  methodLabel?: string;
  /** OpisPlatnosci when PlatnoscInna is set. */
  otherMethod?: string;
  bankAccounts: BankAccount[];
  earlyPaymentDiscount?: { conditions: string; amount: string };
  /** LinkDoPlatnosci as text: never made a link by the page. */
  link?: string;
  ksefPaymentId?: string;
}

export interface Settlement {
  charges: { amount: string; reason: string }[];
  chargesTotal?: string;
  deductions: { amount: string; reason: string }[];
  deductionsTotal?: string;
  toPay?: string;
  toSettle?: string;
}

export interface CorrectedInvoice {
  number: string;
  issueDate: string;
  ksefNumber?: string;
  /** NrKSeFN: the corrected invoice was issued outside KSeF. */
  outsideKsef: boolean;
}

export interface Correction {
  reason?: string;
  type?: string;
  typeLabel?: string;
  corrected: CorrectedInvoice[];
  /** OkresFaKorygowanej: the period a discount relates to. */
  period?: string;
  /** NrFaKorygowany: the right number when the correction fixes the number. */
  correctedNumber?: string;
  /** Podmiot1K / Podmiot2K: the parties as they were on the corrected invoice. */
  originalSeller?: Party;
  originalBuyers: Party[];
  /** P_15ZK: the amount before the correction (corrections of advance invoices). */
  grossBefore?: string;
}

export interface OrderLine {
  number?: string;
  name?: string;
  unit?: string;
  quantity?: string;
  unitNetPrice?: string;
  net?: string;
  vat?: string;
  rate?: string;
  rateLabel?: string;
  before: boolean;
}

/** Advance-payment data: the order an advance invoice is for, payments received, advances a final invoice settles. */
export interface Advance {
  orderValue?: string;
  orderLines: OrderLine[];
  /** ZaliczkaCzesciowa: several payments documented by one advance invoice. */
  payments: { date: string; amount: string; exchangeRate?: string }[];
  /** FakturaZaliczkowa: the advance invoices a final (ROZ) invoice settles. */
  advanceInvoices: { number?: string; ksefNumber?: string }[];
}

export interface Annotation {
  /** The FA field that carries it: P_16, P_17, P_18, P_18A, P_19, P_22, P_23, PMarzy… */
  code: string;
  label: string;
  /** For exemptions, the legal basis given (P_19A/B/C). */
  detail?: string;
}

export interface InvoiceView {
  schema: InvoiceSchema;
  /** RodzajFaktury as written, with its label when it is one of the known kinds. */
  kind: string;
  kindLabel?: string;
  number: string;
  /** Given by KSeF, not part of the XML: passed in by the caller. */
  ksefNumber?: string;
  issueDate: string;
  place?: string;
  /** P_6: the date of delivery or of payment; or the period (OkresFa) for periodic invoices. */
  saleDate?: string;
  period?: { from: string; to: string };
  currency: string;
  exchangeRate?: string;
  seller: Party;
  buyer: Party;
  thirdParties: Party[];
  lines: InvoiceLine[];
  vatSummary: VatSummaryRow[];
  totals: Totals;
  settlement?: Settlement;
  payment?: Payment;
  correction?: Correction;
  advance?: Advance;
  annotations: Annotation[];
  /** DodatkowyOpis: key/value notes. */
  additionalInfo: { key: string; value: string; line?: string }[];
  /** Stopka/Informacje/StopkaFaktury texts. */
  notes: string[];
  /** Stopka/Rejestry: the seller's registry numbers. */
  registers: { fullName?: string; krs?: string; regon?: string; bdo?: string }[];
  orders: { date?: string; number?: string }[];
  contracts: { date?: string; number?: string }[];
  /** WZ: warehouse release documents. */
  wz: string[];
  /** Zalacznik: the invoice carries an attachment block, not shown here (the XML download has it). */
  hasAttachment: boolean;
  /** Naglowek: when and by which program the file was made. */
  createdAt?: string;
  systemInfo?: string;
}
