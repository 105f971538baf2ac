/**
 * A bank account number as banks print it: an IBAN in groups of four ("PL61 1090 1014 …"), a Polish NRB as
 * 2 + 6×4 digits. Anything else is shown as written (it is still only text).
 */
export function formatAccountNumber(number: string): string {
  const compact = number.replace(/\s+/g, '');
  if (/^\d{26}$/.test(compact)) return `${compact.slice(0, 2)} ${compact.slice(2).replace(/(\d{4})(?=\d)/g, '$1 ')}`;
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return compact.replace(/(.{4})(?=.)/g, '$1 ');
  return number;
}
