import { t, type Lang } from '@/lib/i18n';
import type { Address, Party } from '@/lib/invoice';
import { Field } from './Field';

function addressText(address: Address | undefined): string | undefined {
  if (!address) return undefined;
  return [address.line1, address.line2, address.countryCode !== 'PL' ? address.countryCode : undefined]
    .filter(Boolean)
    .join('\n');
}

/**
 * Seller, buyer, a third party, or a party as it was on a corrected invoice. `level` keeps the outline whole
 * (axe heading-order): the parties under the invoice's h1 are h2; those inside a section (the correction) are h3.
 */
export function PartyBlock({ title, party, lang, level = 2 }: { title: string; party: Party; lang: Lang; level?: 2 | 3 }) {
  const contacts = party.contacts.flatMap((c) => [c.email, c.phone]).filter(Boolean).join(', ');
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="kp-inv-party">
      <Heading className="kp-inv-party-title">{title}</Heading>
      {party.roleLabel || party.role ? (
        <p className="kp-muted">{party.roleDescription ?? party.roleLabel ?? party.role}</p>
      ) : null}
      <p className="kp-inv-party-name">{party.name}</p>
      <dl>
        <Field label={t(lang, 'invoice_view_nip')} value={party.nip && `${party.vatPrefix ?? ''}${party.nip}`} mono />
        <Field
          label={t(lang, 'invoice_view_eu_vat')}
          value={party.euVatId && `${party.euVatId.countryCode}${party.euVatId.number}`}
          mono
        />
        <Field
          label={t(lang, 'invoice_view_other_id')}
          value={party.otherTaxId && `${party.otherTaxId.countryCode ?? ''} ${party.otherTaxId.number}`.trim()}
          mono
        />
        {party.noTaxId ? <Field label={t(lang, 'invoice_view_other_id')} value={t(lang, 'invoice_view_no_id')} /> : null}
        <Field label={t(lang, 'invoice_view_internal_id')} value={party.internalId} mono />
        <Field label={t(lang, 'invoice_view_address')} value={addressText(party.address)} />
        <Field label={t(lang, 'invoice_view_correspondence')} value={addressText(party.correspondenceAddress)} />
        <Field label={t(lang, 'invoice_view_contact')} value={contacts} />
        <Field label={t(lang, 'invoice_view_customer_number')} value={party.customerNumber} />
        <Field label={t(lang, 'invoice_view_share')} value={party.share && `${party.share}%`} />
      </dl>
    </div>
  );
}
