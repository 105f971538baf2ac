import type { InvoiceKey } from '@/lib/store';

/** One string per invoice for React keys and selection sets; a NUL cannot occur in a profile id or KSeF number. */
export function keyString(key: InvoiceKey): string {
  return `${key.profileId}\u0000${key.ksefNumber}`;
}

export function keyFromString(text: string): InvoiceKey {
  const at = text.indexOf('\u0000');
  return { profileId: text.slice(0, at), ksefNumber: text.slice(at + 1) };
}
