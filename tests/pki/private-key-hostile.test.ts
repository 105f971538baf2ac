// Broken and hostile key files (RELIABILITY §4.2): each one must end in a specific PkiError, quickly.
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, type PkiErrorCode } from '../../lib/pki/errors';
import { readPrivateKey } from '../../lib/pki/private-key';
import {
  PASSWORD, epki, expectPkiError, fixture, fixtureText, int, nul, oct, oid, pemDer, seq, tlv, toPem,
} from './key-fixtures';

const AP_KEY = 'person-tinpl-ec.key';
const apPem = (): string => fixtureText(AP_KEY);
const apDer = (): Uint8Array => pemDer(AP_KEY);
const plainDer = (): Uint8Array => pemDer('ec-pkcs8-plain.pem');
const cut = (bytes: Uint8Array, n: number): Uint8Array => bytes.slice(0, n);
const encPem = (der: Uint8Array): string => toPem('ENCRYPTED PRIVATE KEY', der);
const keyPem = (der: Uint8Array): string => toPem('PRIVATE KEY', der);

/** A plain P-256 PKCS#8 with the given ECPrivateKey scalar (not a real key; checks range handling). */
function ecKeyWithScalar(scalar: Uint8Array): Uint8Array {
  const algorithm = seq(oid('1.2.840.10045.2.1'), oid('1.2.840.10045.3.1.7'));
  return seq(int(0), algorithm, oct(seq(int(1), oct(scalar))));
}

function nested(depth: number, indefinite: boolean): Uint8Array {
  if (indefinite) {
    const out = new Uint8Array(depth * 4);
    for (let i = 0; i < depth; i++) out.set([0x30, 0x80], i * 2);
    return out; // end-of-contents octets are left as zeros
  }
  let inner: Uint8Array = nul();
  for (let i = 0; i < depth; i++) inner = seq(inner);
  return inner;
}

type Case = [name: string, make: () => string | Uint8Array, code: PkiErrorCode, data?: Record<string, string | number | RegExp>];

const cases: Case[] = [
  // sizes and emptiness
  ['an empty file', () => new Uint8Array(0), 'EMPTY_FILE'],
  ['whitespace only', () => ' \r\n\t\n', 'EMPTY_FILE'],
  ['a 10 MB file', () => new Uint8Array(10 * 1024 * 1024).fill(0x30), 'FILE_TOO_LARGE', { max: MAX_INPUT_BYTES }],
  // truncation
  ['PEM cut at 10% (no END line)', () => apPem().slice(0, Math.floor(apPem().length * 0.1)), 'CORRUPT_FILE'],
  ['PEM cut at 60% (no END line)', () => apPem().slice(0, Math.floor(apPem().length * 0.6)), 'CORRUPT_FILE'],
  ['PEM with half of its base64 body', () => encPem(cut(apDer(), 120)), 'CORRUPT_FILE'],
  ['DER cut to 1 byte', () => cut(apDer(), 1), 'CORRUPT_FILE'],
  ['DER cut to 2 bytes', () => cut(apDer(), 2), 'CORRUPT_FILE'],
  ['DER cut to 50 bytes', () => cut(apDer(), 50), 'CORRUPT_FILE'],
  ['DER missing its last byte', () => cut(apDer(), apDer().length - 1), 'CORRUPT_FILE'],
  ['plain PKCS#8 DER cut in the key', () => cut(plainDer(), plainDer().length - 20), 'CORRUPT_FILE'],
  // PEM damage and wrong labels
  ['bad base64 inside the PEM', () => apPem().replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!@@@@##'), 'CORRUPT_FILE'],
  ['BEGIN and END labels that differ', () => apPem().replace('END ENCRYPTED PRIVATE KEY', 'END PRIVATE KEY'), 'CORRUPT_FILE'],
  ['an unknown label over garbage', () => toPem('FOO BAR', new Uint8Array([1, 2, 3, 4, 5])), 'UNSUPPORTED_KEY_FORMAT', { format: 'PEM FOO BAR' }],
  ['a lowercase BEGIN line', () => apPem().replace(/ENCRYPTED PRIVATE KEY/g, 'encrypted private key'), 'UNSUPPORTED_KEY_FORMAT', { format: 'PEM' }],
  ['a certificate under a PRIVATE KEY label', () => keyPem(pemDer('person-tinpl-ec.crt')), 'NOT_A_PRIVATE_KEY'],
  ['the .crt given as the key', () => fixture('person-tinpl-ec.crt'), 'NOT_A_PRIVATE_KEY'],
  ['an OpenSSH key', () => toPem('OPENSSH PRIVATE KEY', new TextEncoder().encode('openssh-key-v1\0none')), 'UNSUPPORTED_KEY_FORMAT', { format: 'OpenSSH' }],
  ['a PuTTY key', () => 'PuTTY-User-Key-File-3: ecdsa-sha2-nistp256\nEncryption: none\n', 'UNSUPPORTED_KEY_FORMAT', { format: 'PuTTY' }],
  ['a Proc-Type header with an unknown cipher', () => apPem().replace('-----\n', '-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: CAMELLIA-256-CBC,00\n\n'), 'LEGACY_ENCRYPTION', { algorithm: 'CAMELLIA-256-CBC (OpenSSL PEM)' }],
  // hostile ASN.1
  ['a huge declared length', () => new Uint8Array([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00]), 'CORRUPT_FILE'],
  ['a 5-byte length field', () => new Uint8Array([0x30, 0x85, 0, 0, 0, 0, 3, 2, 1, 0]), 'CORRUPT_FILE'],
  ['a non-minimal length', () => { const d = plainDer(); return new Uint8Array([0x30, 0x82, 0x00, d[2]!, ...d.subarray(3)]); }, 'CORRUPT_FILE'],
  ['10 000-deep indefinite-length nesting', () => nested(10_000, true), 'CORRUPT_FILE'],
  ['10 000-deep definite-length nesting', () => nested(10_000, false), 'UNSUPPORTED_KEY_FORMAT', { format: 'DER' }],
  ['trailing bytes after the key', () => new Uint8Array([...plainDer(), 0, 0]), 'CORRUPT_FILE'],
  ['random binary', () => new Uint8Array(512).map((_, i) => (i * 97 + 13) & 0xff), 'UNSUPPORTED_KEY_FORMAT', { format: 'unknown' }],
  ['an EC scalar of zero', () => keyPem(ecKeyWithScalar(new Uint8Array(32))), 'CORRUPT_FILE', { detail: /out of range/ }],
  ['an EC scalar above the group order', () => keyPem(ecKeyWithScalar(new Uint8Array(32).fill(0xff))), 'CORRUPT_FILE', { detail: /out of range/ }],
  ['an EC scalar longer than the curve', () => keyPem(ecKeyWithScalar(new Uint8Array(40).fill(1))), 'CORRUPT_FILE'],
  ['a SEC1 key of no known curve size', () => toPem('EC PRIVATE KEY', seq(int(1), oct(new Uint8Array(20).fill(1)))), 'UNSUPPORTED_KEY_FORMAT'],
  ['a negative RSA modulus', () => toPem('RSA PRIVATE KEY', seq(int(0), tlv(0x02, new Uint8Array([0x80, 1])), ...Array.from({ length: 7 }, () => int(3)))), 'CORRUPT_FILE'],
  // PBES2 parameters
  ['an iteration count of 2^31', () => encPem(epki({ iterations: int(2 ** 31) })), 'CORRUPT_FILE', { detail: 'PBKDF2 iteration count 2147483648' }],
  ['an iteration count of 10 000 001', () => encPem(epki({ iterations: int(10_000_001) })), 'CORRUPT_FILE'],
  ['an iteration count of 0', () => encPem(epki({ iterations: int(0) })), 'CORRUPT_FILE'],
  ['a negative iteration count', () => encPem(epki({ iterations: tlv(0x02, new Uint8Array([0xff])) })), 'CORRUPT_FILE'],
  ['a 9-byte iteration count', () => encPem(epki({ iterations: tlv(0x02, new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0, 0])) })), 'CORRUPT_FILE'],
  ['hmacWithSHA224 above the JS iteration bound', () => encPem(epki({ iterations: int(2_000_000), prf: seq(oid('1.2.840.113549.2.8'), nul()) })), 'CORRUPT_FILE'],
  ['an unknown cipher OID', () => encPem(epki({ cipher: seq(oid('2.16.840.1.101.3.4.1.46'), oct(new Uint8Array(12))) })), 'UNSUPPORTED_ALGORITHM', { algorithm: 'OID 2.16.840.1.101.3.4.1.46' }],
  ['an unknown PRF OID', () => encPem(epki({ prf: seq(oid('1.2.840.113549.2.13'), nul()) })), 'UNSUPPORTED_ALGORITHM', { algorithm: 'PBKDF2 PRF OID 1.2.840.113549.2.13' }],
  ['an unknown key derivation', () => encPem(seq(seq(oid('1.2.840.113549.1.5.13'), seq(seq(oid('1.2.3.4'), seq()), seq(oid('2.16.840.1.101.3.4.1.42'), oct(new Uint8Array(16))))), oct(new Uint8Array(16)))), 'UNSUPPORTED_ALGORITHM', { algorithm: 'OID 1.2.3.4' }],
  ['an unknown encryption scheme', () => encPem(seq(seq(oid('1.2.3.4.5'), nul()), oct(new Uint8Array(16)))), 'UNSUPPORTED_ALGORITHM', { algorithm: 'OID 1.2.3.4.5' }],
  ['PBES1 MD5-DES', () => encPem(seq(seq(oid('1.2.840.113549.1.5.3'), seq(oct(new Uint8Array(8)), int(2048))), oct(new Uint8Array(16)))), 'LEGACY_ENCRYPTION', { algorithm: 'PBE-MD5-DES', command: /-provider legacy/ }],
  ['a salt of 0 bytes', () => encPem(epki({ salt: new Uint8Array(0) })), 'CORRUPT_FILE', { detail: 'PBKDF2 salt of 0 bytes' }],
  ['a salt of 5000 bytes', () => encPem(epki({ salt: new Uint8Array(5000) })), 'CORRUPT_FILE'],
  ['an IV of 8 bytes', () => encPem(epki({ cipher: seq(oid('2.16.840.1.101.3.4.1.42'), oct(new Uint8Array(8))) })), 'CORRUPT_FILE', { detail: 'AES-CBC IV of 8 bytes' }],
  ['a key length that contradicts AES-256', () => encPem(epki({ keyLength: int(16) })), 'CORRUPT_FILE', { detail: 'PBKDF2 key length' }],
  ['ciphertext not a multiple of 16', () => encPem(epki({ ciphertext: new Uint8Array(145) })), 'CORRUPT_FILE', { detail: 'ciphertext of 145 bytes' }],
  ['empty ciphertext', () => encPem(epki({ ciphertext: new Uint8Array(0) })), 'CORRUPT_FILE'],
  ['a PBES2 with a third parameter', () => encPem(seq(seq(oid('1.2.840.113549.1.5.13'), seq(seq(), seq(), seq())), oct(new Uint8Array(16)))), 'CORRUPT_FILE'],
  // PKCS#12
  ['a truncated .p12', () => cut(fixture('ec-bundle.p12'), 600), 'CORRUPT_FILE'],
  ['a .p12 of version 2', () => { const p = fixture('ec-bundle.p12'); const c = p.slice(); c[6] = 2; return c; }, 'UNSUPPORTED_KEY_FORMAT', { format: 'PKCS#12 v2' }],
];

describe('readPrivateKey on broken and hostile input', () => {
  it('has at least 20 named cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.map((c) => c[0])).size).toBe(cases.length);
  });

  it.each(cases.map(([name, make, code, data]) => ({ name, make, code, data })))('$name → $code', async ({ make, code, data }) => {
    await expectPkiError(readPrivateKey(make(), PASSWORD), code, data);
  });

  it('refuses hostile PBES2 parameters before asking for a password', async () => {
    await expectPkiError(readPrivateKey(encPem(epki({ iterations: int(2 ** 31) }))), 'CORRUPT_FILE');
  });
});
