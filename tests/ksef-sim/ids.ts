// Identifiers in KSeF's own formats: reference numbers (NOTES §2), KSeF numbers with CRC-8 (NOTES §11),
// NIPs with their checksum (NOTES §11). Reference numbers end with the same CRC-8 as KSeF numbers: the
// examples in openapi.json (e.g. 20250514-AU-2DFC46C000-3AC6D5877F-D4) check out that way.
import type { Rng } from './random';
import { warsawCompactDate } from './time';

/** CRC-8, polynomial 0x07, init 0, no reflection, no final xor, over ASCII bytes (NOTES §11). */
export function crc8(text: string): number {
  let crc = 0;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i) & 0xff;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

const crcHex = (text: string): string => crc8(text).toString(16).toUpperCase().padStart(2, '0');

/** Reference number kinds seen in the API (NOTES §2). */
export type ReferenceKind = 'CR' | 'AU' | 'SO' | 'SB' | 'EE' | 'EU' | 'EH' | 'EC' | 'EX';

export const REFERENCE_NUMBER = /^\d{8}-[A-Z]{2}-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/;

/** `YYYYMMDD-TT-XXXXXXXXXX-XXXXXXXXXX-CC`, 36 characters. */
export function newReferenceNumber(kind: ReferenceKind, nowMs: number, rng: Rng): string {
  const body = `${warsawCompactDate(nowMs)}-${kind}-${rng.hex(10)}-${rng.hex(10)}`;
  return `${body}-${crcHex(body)}`;
}

export function isReferenceNumber(value: string, kind?: ReferenceKind): boolean {
  if (!REFERENCE_NUMBER.test(value)) return false;
  if (kind && value.slice(9, 11) !== kind) return false;
  return crcHex(value.slice(0, 33)) === value.slice(34);
}

/** The pattern of openapi.json's KsefNumber (35 chars; 36 with the legacy extra dash). */
export const KSEF_NUMBER =
  /^([1-9](\d[1-9]|[1-9]\d)\d{7})-(20[2-9][0-9]|2[1-9]\d{2}|[3-9]\d{3})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-([0-9A-F]{6})-?([0-9A-F]{6})-([0-9A-F]{2})$/;

/** `NIP-YYYYMMDD-XXXXXXXXXXXX-CC`: seller NIP, acceptance day (Warsaw), 12 hex, CRC-8 of the first 32 chars. */
export function newKsefNumber(sellerNip: string, acquisitionMs: number, rng: Rng): string {
  if (!/^\d{10}$/.test(sellerNip)) throw new TypeError('"sellerNip" must be 10 digits');
  const body = `${sellerNip}-${warsawCompactDate(acquisitionMs)}-${rng.hex(12)}`;
  return `${body}-${crcHex(body)}`;
}

/** True for a well-formed 35-character KSeF number whose CRC-8 matches. */
export function isValidKsefNumber(value: string): boolean {
  if (value.length !== 35 || !KSEF_NUMBER.test(value)) return false;
  return crcHex(value.slice(0, 32)) === value.slice(33);
}

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];

/** NIP checksum: weights 6,5,7,2,3,4,5,6,7, sum mod 11 equals the last digit (10 is never valid). */
export function isValidNip(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * (NIP_WEIGHTS[i] as number);
  const check = sum % 11;
  return check !== 10 && check === Number(value[9]);
}

/** A random NIP that passes both the checksum and openapi.json's Nip pattern. */
export function randomNip(rng: Rng): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let digits = String(1 + rng.int(9));
    for (let i = 1; i < 9; i++) digits += String(rng.int(10));
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (NIP_WEIGHTS[i] as number);
    const check = sum % 11;
    const nip = `${digits}${check}`;
    if (check !== 10 && /^[1-9]((\d[1-9])|([1-9]\d))\d{7}$/.test(nip)) return nip;
  }
  throw new Error('randomNip: no valid NIP after 1000 attempts');
}

/** 36-character ids (permission ids, trace ids) in UUID layout, lowercase hex. */
export function newUuid(rng: Rng): string {
  const h = rng.hex(32).toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** 32 lowercase hex characters, as KSeF's traceId. */
export const newTraceId = (rng: Rng): string => rng.hex(32).toLowerCase();
