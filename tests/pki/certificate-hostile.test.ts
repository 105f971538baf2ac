// Hostile and broken inputs: every one must end in a PkiError with the right code and a message that
// tells the user what to do; never a bare asn1js/pkijs exception, never a hang.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCertificate } from '../../lib/pki/certificate';
import { kids, parseDer, raw } from '../../lib/pki/asn1';
import { isPkiError, MAX_INPUT_BYTES, type PkiErrorCode } from '../../lib/pki/errors';

const dir = new URL('../fixtures/pki/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const text = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const derOf = (name: string) =>
  new Uint8Array(Buffer.from(text(name).replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64'));
const toPem = (der: Uint8Array, label = 'CERTIFICATE') =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;

const CERT = derOf('person-tinpl-ec.crt');
const CERT_PEM = text('person-tinpl-ec.crt');

/** Deterministic bytes (mulberry32) so failures reproduce. */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let a = seed >>> 0;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

function lengthOctets(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}
const tlv = (tag: number, ...content: Uint8Array[]) => {
  const body = Buffer.concat(content);
  return new Uint8Array([tag, ...lengthOctets(body.length), ...body]);
};
/** The child TLVs of the constructed TLV `der`. */
function children(der: Uint8Array): Uint8Array[] {
  return kids(parseDer(der, { ber: true })).map(raw);
}

/** `depth` SEQUENCEs, each holding the next, with definite lengths (built without quadratic copying). */
function nestedSequences(depth: number): Uint8Array {
  const totals = [2];
  for (let i = 1; i < depth; i++) totals.push(1 + lengthOctets(totals[i - 1]!).length + totals[i - 1]!);
  const out = new Uint8Array(totals[depth - 1]!);
  let p = 0;
  for (let i = depth - 1; i >= 1; i--) {
    const header = [0x30, ...lengthOctets(totals[i - 1]!)];
    out.set(header, p);
    p += header.length;
  }
  out.set([0x30, 0x00], p);
  return out;
}

function withByte(der: Uint8Array, at: number, value: number): Uint8Array {
  const copy = new Uint8Array(der);
  copy[at] = value;
  return copy;
}
function replaceAscii(der: Uint8Array, from: string, to: string): Uint8Array {
  const at = Buffer.from(der).indexOf(Buffer.from(from));
  if (at < 0 || from.length !== to.length) throw new Error(`fixture has no ${from}`);
  const copy = new Uint8Array(der);
  copy.set(Buffer.from(to), at);
  return copy;
}
const ECDSA_SHA256_OID = Buffer.from([0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]);
const outerOidAt = Buffer.from(CERT).lastIndexOf(ECDSA_SHA256_OID);

const MESSAGE: Record<string, { pl: string; en: string }> = {
  NOT_A_CERTIFICATE: { pl: 'To nie jest plik certyfikatu.', en: 'This is not a certificate file.' },
  CORRUPT_FILE: { pl: 'Plik jest uszkodzony lub niekompletny', en: 'The file is damaged or incomplete' },
  FILE_TOO_LARGE: { pl: 'Plik jest za duży', en: 'The file is too large' },
  EMPTY_FILE: { pl: 'Plik jest pusty.', en: 'The file is empty.' },
};

async function failure(input: string | Uint8Array | ArrayBuffer) {
  try {
    await readCertificate(input);
  } catch (error) {
    return error;
  }
  throw new Error('readCertificate accepted hostile input');
}

type Case = [name: string, input: () => string | Uint8Array, code: PkiErrorCode, detail?: string];
const cases: Case[] = [
  ['empty string', () => '', 'EMPTY_FILE'],
  ['empty bytes', () => new Uint8Array(0), 'EMPTY_FILE'],
  ['whitespace only', () => ' \r\n\t\n  ', 'EMPTY_FILE'],
  ['a 10 MB file', () => new Uint8Array(10 * 1024 * 1024).fill(0x41), 'FILE_TOO_LARGE'],
  ['one byte over the limit', () => new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x30), 'FILE_TOO_LARGE'],
  ['DER truncated to 1 byte', () => CERT.subarray(0, 1), 'CORRUPT_FILE', 'ASN.1 truncated'],
  ['DER truncated to 4 bytes', () => CERT.subarray(0, 4), 'CORRUPT_FILE', 'ASN.1 truncated'],
  ['DER truncated to 100 bytes', () => CERT.subarray(0, 100), 'CORRUPT_FILE', 'ASN.1 truncated'],
  ['DER truncated to half', () => CERT.subarray(0, CERT.length >> 1), 'CORRUPT_FILE', 'ASN.1 truncated'],
  ['DER missing its last byte', () => CERT.subarray(0, CERT.length - 1), 'CORRUPT_FILE', 'ASN.1 truncated'],
  ['PEM whose base64 was truncated', () => toPem(CERT.subarray(0, 300)), 'CORRUPT_FILE', 'ASN.1 truncated'],
  ['DER with bytes after the certificate', () => new Uint8Array([...CERT, 0x00, 0x01]), 'CORRUPT_FILE', 'data after ASN.1'],
  ['bad base64 in a PEM block', () => '-----BEGIN CERTIFICATE-----\nMIIB!!*??\n-----END CERTIFICATE-----\n', 'CORRUPT_FILE', 'base64 CERTIFICATE'],
  ['PEM without its END line', () => CERT_PEM.replace(/-----END CERTIFICATE-----\s*$/, ''), 'CORRUPT_FILE', '-----END CERTIFICATE----- missing'],
  ['PEM armour in lower case only', () => CERT_PEM.replace(/CERTIFICATE/g, 'certificate'), 'CORRUPT_FILE', 'PEM'],
  ['wrong PEM label (PUBLIC KEY)', () => toPem(CERT, 'PUBLIC KEY'), 'NOT_A_CERTIFICATE'],
  ['the .key given as certificate (ENCRYPTED PRIVATE KEY)', () => text('person-tinpl-ec.key'), 'NOT_A_CERTIFICATE'],
  ['a plain PKCS#8 key (PRIVATE KEY)', () => text('ec-pkcs8-plain.pem'), 'NOT_A_CERTIFICATE'],
  ['an RSA key (RSA PRIVATE KEY)', () => text('rsa-pkcs1.pem'), 'NOT_A_CERTIFICATE'],
  ['a certificate request', () => toPem(CERT, 'CERTIFICATE REQUEST'), 'NOT_A_CERTIFICATE'],
  ['DER PKCS#8 key', () => fixture('ec-pkcs8-plain.der'), 'NOT_A_CERTIFICATE'],
  ['DER encrypted PKCS#8 key', () => fixture('ec-pkcs8-enc.der'), 'NOT_A_CERTIFICATE'],
  ['DER SEC1 EC key', () => fixture('ec-sec1.der'), 'NOT_A_CERTIFICATE'],
  ['DER PKCS#1 RSA key', () => fixture('rsa-pkcs1.der'), 'NOT_A_CERTIFICATE'],
  ['a PKCS#12 bundle', () => fixture('cert-only.p12'), 'NOT_A_CERTIFICATE'],
  ['a key DER inside a CERTIFICATE label', () => toPem(fixture('ec-pkcs8-plain.der')), 'NOT_A_CERTIFICATE'],
  ['a PDF chosen by mistake', () => '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >>\nendobj\n', 'NOT_A_CERTIFICATE'],
  ['random bytes', () => withByte(randomBytes(2048, 7), 0, 0x9f), 'NOT_A_CERTIFICATE'],
  ['a SEQUENCE tag followed by random bytes', () => withByte(randomBytes(2048, 11), 0, 0x30), 'CORRUPT_FILE'],
  ['a declared length of 2 GB', () => new Uint8Array([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00]), 'CORRUPT_FILE', 'ASN.1 truncated'],
  ['a length field of 8 octets', () => new Uint8Array([0x30, 0x88, 0, 0, 0, 0, 0, 0, 0, 3, 2, 1, 0]), 'CORRUPT_FILE', 'ASN.1 length'],
  ['10 000 nested SEQUENCEs (definite lengths)', () => nestedSequences(10_000), 'CORRUPT_FILE', 'ASN.1 nested too deeply'],
  ['10 000 nested SEQUENCEs (indefinite lengths)', () => {
    const open = new Uint8Array(20_000).map((_, i) => (i % 2 ? 0x80 : 0x30));
    return new Uint8Array([...open, ...new Uint8Array(20_000)]);
  }, 'CORRUPT_FILE', 'ASN.1 nested too deeply'],
  ['broken signature algorithm OID (unterminated arc)', () => withByte(CERT, outerOidAt + 9, 0x82), 'CORRUPT_FILE', 'ASN.1'],
  ['signature algorithm differs from the one in the TBS', () => withByte(CERT, outerOidAt + 9, 0x03), 'CORRUPT_FILE', 'signature algorithm'],
  ['notBefore after notAfter', () => replaceAscii(replaceAscii(CERT, '250101000000Z', '460101000000Z'), '450101000000Z', '250101000000Z'), 'CORRUPT_FILE', 'validity'],
  ['a validity time that is not a date', () => replaceAscii(CERT, '250101000000Z', '25013d000000Z'), 'CORRUPT_FILE', 'validity'],
  ['a validity time on 31 February', () => replaceAscii(CERT, '250101000000Z', '250231000000Z'), 'CORRUPT_FILE', 'validity'],
  ['a certificate without its public key', () => {
    const [tbs, alg, sig] = children(CERT);
    const fields = children(tbs!).filter((_, i) => i !== 6); // [0] version, serial, alg, issuer, validity, subject, SPKI
    return tlv(0x30, tlv(0x30, ...fields), alg!, sig!);
  }, 'CORRUPT_FILE', 'certificate structure'],
  ['a certificate whose signature is not a BIT STRING', () => {
    const [tbs, alg] = children(CERT);
    return tlv(0x30, tbs!, alg!, tlv(0x04, new Uint8Array(8)));
  }, 'CORRUPT_FILE', 'certificate structure'],
];

describe('readCertificate refuses hostile input with a PkiError', () => {
  it('has at least 20 named cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s → %s', async (_name, make, code, detail) => {
    const error = await failure(make());
    expect(isPkiError(error)).toBe(true);
    if (!isPkiError(error)) return;
    expect(error.code).toBe(code);
    expect(error.message).toContain(MESSAGE[code]!.pl);
    expect(error.messageEn).toContain(MESSAGE[code]!.en);
    if (detail !== undefined) {
      expect(error.data.detail).toBe(detail);
      expect(error.message).toContain(`(${detail})`);
    }
  });
});

describe('mutations of a valid certificate (fast-check, fixed seed)', () => {
  const SEED = 20261124;
  type Mutation =
    | { kind: 'flip'; at: number; bit: number }
    | { kind: 'set'; at: number; value: number }
    | { kind: 'truncate'; at: number }
    | { kind: 'insert'; at: number; bytes: Uint8Array }
    | { kind: 'delete'; at: number; count: number };
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  );
  const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

  function mutate(input: Uint8Array, list: readonly Mutation[]): Uint8Array {
    let bytes = Array.from(input);
    for (const m of list) {
      const at = bytes.length === 0 ? 0 : m.at % bytes.length;
      if (m.kind === 'flip') bytes[at] = (bytes[at] ?? 0) ^ (1 << m.bit);
      else if (m.kind === 'set') bytes[at] = m.value;
      else if (m.kind === 'truncate') bytes = bytes.slice(0, at);
      else if (m.kind === 'insert') bytes.splice(at, 0, ...m.bytes);
      else bytes.splice(at, m.count);
    }
    return Uint8Array.from(bytes);
  }

  const outcomes = { read: 0, refused: 0 };
  async function check(input: Uint8Array | string): Promise<void> {
    try {
      const info = await readCertificate(input);
      expect(info.der.length).toBeGreaterThan(0);
      expect(info.notBefore.getTime()).toBeLessThanOrEqual(info.notAfter.getTime());
      outcomes.read++;
    } catch (error) {
      if (!isPkiError(error)) throw error;
      expect(['CORRUPT_FILE', 'NOT_A_CERTIFICATE', 'EMPTY_FILE']).toContain(error.code);
      outcomes.refused++;
    }
  }

  it('DER: 1000 mutated certificates, only CertificateInfo or PkiError', async () => {
    await fc.assert(fc.asyncProperty(mutations, (list) => check(mutate(CERT, list))), { seed: SEED, numRuns: 1000 });
  });

  it('PEM of a mutated DER: 600 cases', async () => {
    await fc.assert(fc.asyncProperty(mutations, (list) => check(toPem(mutate(CERT, list)))), { seed: SEED + 1, numRuns: 600 });
  });

  it('PEM text itself mutated: 400 cases', async () => {
    const pem = new TextEncoder().encode(CERT_PEM);
    await fc.assert(fc.asyncProperty(mutations, (list) => check(mutate(pem, list))), { seed: SEED + 2, numRuns: 400 });
  });

  it('exercised both outcomes (the property is not vacuous)', () => {
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(outcomes.read);
  });
});
