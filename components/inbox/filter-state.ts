// The inbox filter as the form holds it (strings, as typed) and its translation to lib/inbox's InboxFilter.
import { normalizeNip } from '@/lib/domain/nip';
import { periodRange, type InboxFilter, type Period } from '@/lib/inbox';
import type { InvoiceDateField, InvoiceState } from '@/lib/store';

// Only the two indexed dates: ordering by amount or due date would read every invoice (no index; the due date
// is not even in KSeF's metadata, NOTES §7.1). Issue 15 reworks the indexes.
export const SORTS = [
  'issueDate_desc',
  'issueDate_asc',
  'permanentStorageDate_desc',
  'permanentStorageDate_asc',
] as const;
export type Sort = (typeof SORTS)[number];

export interface FilterForm {
  profileId: string;
  period: Period;
  from: string;
  to: string;
  state: '' | InvoiceState;
  sellerNip: string;
  search: string;
  sort: Sort;
}

export const EMPTY_FORM: FilterForm = {
  profileId: '',
  period: 'all',
  from: '',
  to: '',
  state: '',
  sellerNip: '',
  search: '',
  sort: 'issueDate_desc',
};

/** Whether the form narrows the list at all (the order is not a filter): "Wyczyść filtry" shows only then. */
export function hasActiveFilter(form: FilterForm): boolean {
  return (
    form.profileId !== '' || form.period !== EMPTY_FORM.period || form.state !== '' || form.sellerNip.trim() !== '' || form.search.trim() !== ''
  );
}

/** Ten digits as people write them (dashes, spaces, a PL prefix): lib/domain/nip.ts reads them. */
export function isSellerNipValid(text: string): boolean {
  return normalizeNip(text) !== null;
}

/** The form as a filter; half-typed fields (a NIP of 7 digits, an empty date) are left out, not errors. */
export function toInboxFilter(form: FilterForm, now: Date = new Date()): InboxFilter {
  const [dateField, direction] = form.sort.split('_') as [InvoiceDateField, 'asc' | 'desc'];
  const range = form.period === 'custom' ? { from: form.from || undefined, to: form.to || undefined } : periodRange(form.period, now);
  const nip = normalizeNip(form.sellerNip);
  return {
    dateField,
    direction,
    ...(form.profileId !== '' ? { profileId: form.profileId } : {}),
    ...(form.state !== '' ? { state: form.state } : {}),
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
    ...(nip !== null ? { sellerNip: nip } : {}),
    ...(form.search.trim() !== '' ? { search: form.search } : {}),
  };
}
