// NIP (Polish tax identifier), NOTES §11: 10 digits, weights 6,5,7,2,3,4,5,6,7 on the first nine, sum mod 11
// equals the tenth digit; a remainder of 10 never yields a valid NIP. One home for the store's search, the
// certificate check, the options form and the inbox filter.

const WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

export const NIP_ERROR_CODES = ['NIP_FORMAT', 'NIP_CHECKSUM'] as const;
export type NipErrorCode = (typeof NIP_ERROR_CODES)[number];
export type NipValidation = { ok: true; nip: string } | { ok: false; code: NipErrorCode };

/**
 * The ten digits of a NIP as people write it ("526-587-76-35", "PL 5265877635", "526 58 77 635"),
 * or null when what remains is not ten digits. Does not check the checksum.
 */
export function normalizeNip(input: string): string | null {
  if (typeof input !== 'string') throw new TypeError('"input" must be a string');
  const compact = input.trim().replace(/^PL/i, '').replace(/[\s\u00a0-]/g, '');
  return /^\d{10}$/.test(compact) ? compact : null;
}

/**
 * True for ten digits with a correct check digit that KSeF's API pattern also admits
 * (`^[1-9]((\d[1-9])|([1-9]\d))\d{7}$`, NOTES §11): so 0000000000, whose checksum works, is refused.
 */
export function isValidNip(nip: string): boolean {
  if (typeof nip !== 'string') throw new TypeError('"nip" must be a string');
  if (!/^[1-9]((\d[1-9])|([1-9]\d))\d{7}$/.test(nip)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i]! * Number(nip[i]);
  const check = sum % 11;
  return check !== 10 && check === Number(nip[9]);
}

/**
 * What a form needs: the normalised NIP, or why it is refused. KSeF TEST accepts NIPs with a wrong
 * check digit (NOTES §4.2), so callers that target TEST may treat NIP_CHECKSUM as a warning.
 */
export function validateNip(input: string): NipValidation {
  const nip = normalizeNip(input);
  if (nip === null) return { ok: false, code: 'NIP_FORMAT' };
  return isValidNip(nip) ? { ok: true, nip } : { ok: false, code: 'NIP_CHECKSUM' };
}
