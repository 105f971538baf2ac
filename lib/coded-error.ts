// Every lib error (PkiError, AuthError, KsefError, …) is recognised by its `name` and a `code` of its closed
// union, never by instanceof alone: errors lose their prototype when they cross a message boundary
// (STYLE rule 9). This is that one check.
export function hasErrorShape(value: unknown, name: string, codes: readonly (string | number)[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { name: actual, code } = value as { name?: unknown; code?: unknown };
  return actual === name && (typeof code === 'string' || typeof code === 'number') && codes.includes(code);
}
