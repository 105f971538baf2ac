// Labels as the helper compares them: Aplikacja Podatnika's markup is not public and changes, so the helper
// matches the words a user sees (AP-GUIDE.md), never CSS classes. A label matches only as a whole text (after
// trimming, folding spaces and case, and dropping a trailing ":" or "*" of a required field), so "Nadaj
// uprawnienie" (the menu) and "Nadaj uprawnienia" (the form's button) stay apart.

/** The comparable form of a visible text; '' for a text too long to be a label. */
export function normalizeLabel(text: string): string {
  if (typeof text !== 'string' || text.length > 200) return '';
  return text
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/\s*[:*]+$/, '')
    .trim()
    .toLocaleLowerCase('pl');
}

/** Whether `seen` (already normalised) holds the label. */
export function hasLabel(seen: ReadonlySet<string>, label: string): boolean {
  return seen.has(normalizeLabel(label));
}
