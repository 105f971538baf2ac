// Podmiot1 (seller), Podmiot2 (buyer), Podmiot3 (third parties) and the Podmiot1K/2K of corrections share
// TPodmiot1/2/3 identification data and TAdres addresses (schemat_FA(3)_v1-0E.xsd).
import type { Lang } from '../i18n';
import { thirdPartyRoleLabel } from './labels';
import type { FaNode } from './reader';
import type { Address, Contact, Party } from './types';

function address(node: FaNode | undefined): Address | undefined {
  if (!node) return undefined;
  return {
    countryCode: node.text('KodKraju') ?? '',
    line1: node.text('AdresL1') ?? '',
    line2: node.text('AdresL2'),
    gln: node.text('GLN'),
  };
}

function contacts(node: FaNode): Contact[] {
  // Podmiot1–3 use Email/Telefon; PodmiotUpowazniony uses EmailPU/TelefonPU (not read here).
  return node.children('DaneKontaktowe').map((c) => ({ email: c.text('Email'), phone: c.text('Telefon') }));
}

/** Any FA party element: identification, addresses, contacts and the optional fields they all may carry. */
export function readParty(node: FaNode): Party {
  const id = node.child('DaneIdentyfikacyjne');
  const euCode = id?.text('KodUE');
  const euNumber = id?.text('NrVatUE');
  const otherNumber = id?.text('NrID');
  return {
    name: id?.text('Nazwa'),
    nip: id?.text('NIP'),
    euVatId: euCode !== undefined || euNumber !== undefined ? { countryCode: euCode ?? '', number: euNumber ?? '' } : undefined,
    otherTaxId: otherNumber !== undefined ? { countryCode: id?.text('KodKraju'), number: otherNumber } : undefined,
    noTaxId: id?.flag('BrakID') ?? false,
    internalId: id?.text('IDWew'),
    vatPrefix: node.text('PrefiksPodatnika'),
    eori: node.text('NrEORI'),
    address: address(node.child('Adres')),
    correspondenceAddress: address(node.child('AdresKoresp')),
    contacts: contacts(node),
    customerNumber: node.text('NrKlienta'),
    buyerId: node.text('IDNabywcy'),
  };
}

/** A Podmiot3 with its role: Rola 1–11, or RolaInna with OpisRoli, and Udzial for additional buyers. */
export function readThirdParty(node: FaNode, lang: Lang): Party {
  const party = readParty(node);
  const role = node.text('Rola') ?? (node.flag('RolaInna') ? 'other' : undefined);
  return {
    ...party,
    role,
    roleLabel: role === undefined ? undefined : thirdPartyRoleLabel(role, lang),
    roleDescription: node.text('OpisRoli'),
    share: node.text('Udzial'),
  };
}
