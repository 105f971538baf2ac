import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc8, isReferenceNumber, isValidKsefNumber, isValidNip, KSEF_NUMBER, newKsefNumber, newReferenceNumber, newUuid, randomNip } from './ids';
import { createRng } from './random';

const SEED = 20261124;

describe('crc8 (NOTES §11)', () => {
  it.each([
    ['5265877635-20250826-0100001AF629', 0xaf],
    ['5265877635-20250916-0200A0D6723E', 0xc2],
    ['5265877635-20250916-010040741B3E', 0x46],
    ['', 0x00],
  ])('crc8(%s) = %i', (text, expected) => {
    expect(crc8(text)).toBe(expected);
  });
});

describe('KSeF numbers', () => {
  it.each([
    ['5265877635-20250826-0100001AF629-AF', true],
    ['5265877635-20250916-0200A0D6723E-C2', true],
    ['5265877635-20250826-0100001AF629-AE', false],
    ['5265877635-20250826-0100001af629-AF', false],
    ['0265877635-20250826-0100001AF629-AF', false],
    ['5265877635-20251326-0100001AF629-AF', false],
    ['5265877635-20250826-0100001AF6-29-AF', false],
  ])('isValidKsefNumber(%s) = %s', (value, expected) => {
    expect(isValidKsefNumber(value)).toBe(expected);
  });

  it('makes numbers that match the openapi pattern and carry a valid CRC, on the Warsaw calendar day', () => {
    const rng = createRng(SEED);
    // 23:30 UTC on 31 Dec is already 1 Jan in Warsaw.
    const number = newKsefNumber('5265877635', Date.parse('2025-12-31T23:30:00Z'), rng);
    expect(number).toMatch(KSEF_NUMBER);
    expect(number.slice(0, 19)).toBe('5265877635-20260101');
    expect(isValidKsefNumber(number)).toBe(true);
  });

  it('detects any single changed character (property, seed printed on failure)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 20, max: 31 }), fc.constantFrom(...'0123456789ABCDEF'), (seed, position, char) => {
        const number = newKsefNumber('5265877635', Date.parse('2026-03-01T10:00:00Z'), createRng(seed));
        fc.pre(number[position] !== char);
        const changed = number.slice(0, position) + char + number.slice(position + 1);
        expect(isValidKsefNumber(number)).toBe(true);
        expect(isValidKsefNumber(changed)).toBe(false);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('refuses a seller NIP that is not 10 digits', () => {
    expect(() => newKsefNumber('123', 0, createRng(1))).toThrow(new TypeError('"sellerNip" must be 10 digits'));
  });
});

describe('reference numbers (NOTES §2)', () => {
  it('have the documented layout and end with the CRC-8 the openapi examples carry', () => {
    expect(isReferenceNumber('20250514-AU-2DFC46C000-3AC6D5877F-D4', 'AU')).toBe(true);
    expect(isReferenceNumber('20250514-CR-226FB7B000-3ACF9BE4C0-10', 'CR')).toBe(true);
    expect(isReferenceNumber('20250514-CR-226FB7B000-3ACF9BE4C0-11')).toBe(false);
    expect(isReferenceNumber('20250514-CR-226FB7B000-3ACF9BE4C0-10', 'SO')).toBe(false);
    const rng = createRng(SEED);
    for (const kind of ['CR', 'AU', 'SO', 'EE', 'EU'] as const) {
      const ref = newReferenceNumber(kind, Date.parse('2026-06-30T22:30:00Z'), rng);
      expect(ref).toHaveLength(36);
      expect(ref.startsWith(`20260701-${kind}-`)).toBe(true);
      expect(isReferenceNumber(ref, kind)).toBe(true);
    }
  });

  it('are the same for the same seed and differ for another', () => {
    const make = (seed: string) => Array.from({ length: 3 }, () => newReferenceNumber('SO', 0, createRng(seed)));
    expect(make('a')).toEqual(make('a'));
    expect(newReferenceNumber('SO', 0, createRng('a'))).not.toBe(newReferenceNumber('SO', 0, createRng('b')));
  });
});

describe('NIP', () => {
  it.each([
    ['5265877635', true],
    ['7680002466', true],
    ['1111111111', true],
    ['8976111986', false],
    ['526587763', false],
    ['52658776x5', false],
  ])('isValidNip(%s) = %s', (nip, expected) => {
    expect(isValidNip(nip)).toBe(expected);
  });

  it('randomNip always passes the checksum and the openapi Nip pattern', () => {
    const rng = createRng(SEED);
    for (let i = 0; i < 500; i++) {
      const nip = randomNip(rng);
      expect(isValidNip(nip)).toBe(true);
      expect(nip).toMatch(/^[1-9]((\d[1-9])|([1-9]\d))\d{7}$/);
    }
  });

  it('newUuid has the 36-character layout of PermissionId', () => {
    expect(newUuid(createRng(1))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
