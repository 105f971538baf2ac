// Platnosc (payment terms, accounts, what was paid) and Rozliczenie (charges and deductions) of Fa.
import type { Lang } from '../i18n';
import { paymentMethodLabel } from './labels';
import type { FaNode } from './reader';
import type { BankAccount, Payment, Settlement } from './types';

function bankAccount(node: FaNode, factor: boolean): BankAccount {
  return {
    number: node.text('NrRB') ?? '',
    swift: node.text('SWIFT'),
    bankName: node.text('NazwaBanku'),
    description: node.text('OpisRachunku'),
    factor,
  };
}

function method(node: FaNode, lang: Lang): Pick<Payment, 'method' | 'methodLabel' | 'otherMethod'> {
  const code = node.text('FormaPlatnosci');
  return {
    method: code,
    methodLabel: code === undefined ? undefined : paymentMethodLabel(code, lang),
    otherMethod: node.text('OpisPlatnosci'),
  };
}

export function readPayment(node: FaNode, lang: Lang): Payment {
  const discount = node.child('Skonto');
  return {
    paid: node.flag('Zaplacono'),
    paymentDate: node.text('DataZaplaty'),
    partialPayments: node.children('ZaplataCzesciowa').map((p) => ({
      amount: p.text('KwotaZaplatyCzesciowej') ?? '',
      date: p.text('DataZaplatyCzesciowej') ?? '',
      ...method(p, lang),
    })),
    dueDates: node.children('TerminPlatnosci').map((d) => ({
      date: d.text('Termin'),
      count: d.text('TerminOpis/Ilosc'),
      unit: d.text('TerminOpis/Jednostka'),
      event: d.text('TerminOpis/ZdarzeniePoczatkowe'),
    })),
    ...method(node, lang),
    bankAccounts: [
      ...node.children('RachunekBankowy').map((a) => bankAccount(a, false)),
      ...node.children('RachunekBankowyFaktora').map((a) => bankAccount(a, true)),
    ],
    earlyPaymentDiscount: discount
      ? { conditions: discount.text('WarunkiSkonta') ?? '', amount: discount.text('WysokoscSkonta') ?? '' }
      : undefined,
    link: node.text('LinkDoPlatnosci'),
    ksefPaymentId: node.text('IPKSeF'),
  };
}

export function readSettlement(node: FaNode): Settlement {
  const entries = (name: string) =>
    node.children(name).map((e) => ({ amount: e.text('Kwota') ?? '', reason: e.text('Powod') ?? '' }));
  return {
    charges: entries('Obciazenia'),
    chargesTotal: node.text('SumaObciazen'),
    deductions: entries('Odliczenia'),
    deductionsTotal: node.text('SumaOdliczen'),
    toPay: node.text('DoZaplaty'),
    toSettle: node.text('DoRozliczenia'),
  };
}
