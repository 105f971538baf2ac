// lib/domain/nip.ts (NOTES §11). The full NIP cases are tests/pki/nip.test.ts through the re-export; here the
// forms the inbox filter used to read with its own copy (issue 11: a "PL" prefix was ignored there).
import { describe, expect, it } from 'vitest';
import { NIP_ERROR_CODES, normalizeNip, validateNip } from '../../lib/domain/nip';

describe('normalizeNip for every form a person types', () => {
  it.each([
    ['PL5261040828', '5261040828'], ['pl 526-104-08-28', '5261040828'], ['526\u00a0104\u00a008\u00a028', '5261040828'],
    ['5261', null], ['PL', null],
  ])('%j → %j', (input, nip) => {
    expect(normalizeNip(input)).toBe(nip);
  });

  it('names both refusal codes', () => {
    expect(NIP_ERROR_CODES).toEqual(['NIP_FORMAT', 'NIP_CHECKSUM']);
    expect(validateNip('PL 526-104-08-28')).toEqual({ ok: true, nip: '5261040828' });
  });
});
