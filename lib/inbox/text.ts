// Text folding for the inbox search: a bookkeeper types "zolta" or "ZÓŁTA" and expects "Żółta Sp. z o.o.".
// Not exported: callers match through matchesInvoice.

/** Lower case, Polish letters without their marks (ł has no decomposition, so it is mapped by hand), one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Digits only: "526-287-76-35" and "PL 5262877635" both become a NIP to compare. */
export function digitsOf(text: string): string {
  return text.replace(/\D+/g, '');
}
