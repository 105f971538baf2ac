import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, sha256Base64 } from '../../lib/ksef/encoding';
import { pickPublicKey, spkiOfCertificate } from '../../lib/ksef/public-keys';
import type { PublicKeyCertificate } from '../../lib/ksef/schemas';

const pem = readFileSync(new URL('../fixtures/pki/person-rsa2048.crt', import.meta.url), 'utf8');
const der = new X509Certificate(pem).raw;
const NOW = Date.parse('2026-03-02T10:00:00Z');

function cert(id: string, usage: string[], from: string, to: string): PublicKeyCertificate {
  return { certificate: 'MIIB', certificateId: id, publicKeyId: id, validFrom: from, validTo: to, usage };
}

describe('pickPublicKey', () => {
  const list = [
    cert('old', ['KsefTokenEncryption'], '2024-01-01T00:00:00Z', '2028-01-01T00:00:00Z'),
    cert('new', ['KsefTokenEncryption'], '2026-01-01T00:00:00Z', '2030-01-01T00:00:00Z'),
    cert('future', ['KsefTokenEncryption'], '2026-06-01T00:00:00Z', '2030-01-01T00:00:00Z'),
    cert('expired', ['SymmetricKeyEncryption'], '2020-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
    cert('sym', ['SymmetricKeyEncryption'], '2024-01-01T00:00:00Z', '2028-01-01T00:00:00Z'),
  ];

  it.each([
    ['KsefTokenEncryption', 'new'],
    ['SymmetricKeyEncryption', 'sym'],
  ] as const)('picks, for %s, the newest certificate valid now', (usage, id) => {
    expect(pickPublicKey(list, usage, NOW)?.publicKeyId).toBe(id);
  });

  it('returns null when none is valid', () => {
    expect(pickPublicKey(list.slice(3, 4), 'SymmetricKeyEncryption', NOW)).toBeNull();
  });
});

describe('spkiOfCertificate', () => {
  it('cuts out the same SubjectPublicKeyInfo as OpenSSL', async () => {
    const spki = spkiOfCertificate(bytesToBase64(der));
    const expected = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
    expect(Buffer.from(spki).equals(expected)).toBe(true);
    // publicKeyId as KSeF computes it: base64 SHA-256 of the SPKI (NOTES §8.1)
    expect(await sha256Base64(spki)).toBe(Buffer.from(await crypto.subtle.digest('SHA-256', expected)).toString('base64'));
  });

  it.each([['AAAA'], ['bm90IGEgY2VydA==']])('rejects %j', (b64) => {
    expect(() => spkiOfCertificate(b64)).toThrow(new TypeError('"certificate" must be a DER X.509 certificate'));
  });
});

describe('base64', () => {
  it('round-trips bytes, and reads the URL-safe alphabet', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    expect(Array.from(base64ToBytes(bytesToBase64(bytes)))).toEqual(Array.from(bytes));
    expect(Array.from(base64ToBytes('-_8'))).toEqual([0xfb, 0xff]);
    expect(() => base64ToBytes('a$b')).toThrow(new TypeError('"text" must be base64'));
  });
});
