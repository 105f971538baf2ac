// The simulator's own encryption keys, published like MF's (NOTES §8.1): one RSA key for KSeF-token
// encryption and one for the symmetric session keys, each in an X.509 certificate, with
// publicKeyId = base64 SHA-256 of the SubjectPublicKeyInfo and certificateId = base64 SHA-256 of the DER.
import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

export type KeyUsage = 'KsefTokenEncryption' | 'SymmetricKeyEncryption';

export interface SimPublicKey {
  usage: KeyUsage;
  publicKeyId: string;
  certificateId: string;
  /** Base64 DER, no PEM armour, as KSeF sends it. */
  certificate: string;
  validFrom: number;
  validTo: number;
  privateKey: CryptoKey;
}

const subtle = webcrypto.subtle as SubtleCrypto;
const OAEP: RsaHashedKeyGenParams = { name: 'RSA-OAEP', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
const SIGN: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };

interface KeyMaterial {
  issuer: CryptoKeyPair;
  token: CryptoKeyPair;
  symmetric: CryptoKeyPair;
}

// RSA generation is the slowest step of starting a simulator; the pairs carry no state, so one set per
// process and modulus length is shared by every simulator (certificates are still made per simulator).
const material = new Map<number, Promise<KeyMaterial>>();

function keyMaterial(modulusLength: number): Promise<KeyMaterial> {
  let pending = material.get(modulusLength);
  if (!pending) {
    pending = (async () => ({
      issuer: (await subtle.generateKey({ ...SIGN, modulusLength }, false, ['sign', 'verify'])) as CryptoKeyPair,
      token: (await subtle.generateKey({ ...OAEP, modulusLength }, false, ['encrypt', 'decrypt'])) as CryptoKeyPair,
      symmetric: (await subtle.generateKey({ ...OAEP, modulusLength }, false, ['encrypt', 'decrypt'])) as CryptoKeyPair,
    }))();
    material.set(modulusLength, pending);
  }
  return pending;
}

const sha256b64 = (data: ArrayBuffer | Uint8Array): string => createHash('sha256').update(new Uint8Array(data)).digest('base64');

/** Makes the two published certificates, valid from a year before `nowMs` to two years after it. */
export async function createSimKeys(nowMs: number, modulusLength = 2048): Promise<SimPublicKey[]> {
  if (!Number.isInteger(modulusLength) || modulusLength < 2048) throw new TypeError('"modulusLength" must be an integer ≥ 2048');
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const keys = await keyMaterial(modulusLength);
  const validFrom = nowMs - 365 * 86_400_000;
  const validTo = nowMs + 2 * 365 * 86_400_000;
  const issuerName = 'CN=Symulator KSeF CA, O=KSeF Pilot, C=PL';
  const out: SimPublicKey[] = [];
  const pairs: [KeyUsage, CryptoKeyPair, string][] = [
    ['KsefTokenEncryption', keys.token, '01'],
    ['SymmetricKeyEncryption', keys.symmetric, '02'],
  ];
  for (const [usage, pair, serial] of pairs) {
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial,
      issuer: issuerName,
      subject: `CN=Ministerstwo Finansów, OU=${usage}, O=Symulator KSeF, C=PL`,
      notBefore: new Date(validFrom),
      notAfter: new Date(validTo),
      publicKey: pair.publicKey,
      signingKey: keys.issuer.privateKey,
      signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.dataEncipherment, true)],
    });
    const der = new Uint8Array(cert.rawData);
    out.push({
      usage,
      publicKeyId: sha256b64(cert.publicKey.rawData),
      certificateId: sha256b64(der),
      certificate: Buffer.from(der).toString('base64'),
      validFrom,
      validTo,
      privateKey: pair.privateKey,
    });
  }
  return out;
}

/** RSA-OAEP (SHA-256, MGF1-SHA-256) decryption; null when the bytes do not decrypt with this key. */
export async function rsaOaepDecrypt(key: SimPublicKey, data: Uint8Array): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await subtle.decrypt({ name: 'RSA-OAEP' }, key.privateKey, new Uint8Array(data)));
  } catch {
    return null;
  }
}
