// The public key inside a certificate, as WebCrypto needs it to check a signature (pkijs 3, the same
// ASN.1 stack as lib/pki). lib/pki's CertificateInfo describes the certificate; this gives the key itself.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type CertificateKey =
  | { kind: 'EC'; curve: 'P-256' | 'P-384' | 'P-521'; spki: Uint8Array<ArrayBuffer> }
  | { kind: 'RSA'; bits: number; spki: Uint8Array<ArrayBuffer> }
  | { kind: 'other'; oid: string };

const CURVES: Record<string, 'P-256' | 'P-384' | 'P-521'> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

/** The serial number as a decimal string, as XAdES IssuerSerial writes it (NOTES §3.5). */
export function serialHexToDecimal(hex: string): string {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new TypeError('"serialNumberHex" must be hexadecimal digits');
  return BigInt(`0x${hex}`).toString(10);
}

/** Reads the key and serial of a DER certificate; throws (any error) when the DER is not a certificate. */
export function readCertificateKey(der: Uint8Array): { key: CertificateKey; serialDecimal: string } {
  const asn1 = asn1js.fromBER(new Uint8Array(der));
  if (asn1.offset === -1) throw new Error('certificate DER is not ASN.1');
  const cert = new pkijs.Certificate({ schema: asn1.result });
  const serialBytes = cert.serialNumber.valueBlock.valueHexView;
  let serialHex = '';
  for (const b of serialBytes) serialHex += b.toString(16).padStart(2, '0');
  const serialDecimal = serialHexToDecimal(serialHex || '00');

  const info = cert.subjectPublicKeyInfo;
  const spki = new Uint8Array(info.toSchema().toBER(false));
  const oid = info.algorithm.algorithmId;
  if (oid === '1.2.840.10045.2.1') {
    const params = info.algorithm.algorithmParams as asn1js.ObjectIdentifier | undefined;
    const curve = params instanceof asn1js.ObjectIdentifier ? CURVES[params.valueBlock.toString()] : undefined;
    return { key: curve ? { kind: 'EC', curve, spki } : { kind: 'other', oid }, serialDecimal };
  }
  if (oid === '1.2.840.113549.1.1.1') {
    const rsa = info.parsedKey as pkijs.RSAPublicKey | undefined;
    const modulus = rsa?.modulus.valueBlock.valueHexView ?? new Uint8Array();
    let start = 0;
    while (start < modulus.length && modulus[start] === 0) start++;
    const top = modulus[start] ?? 0;
    const bits = start < modulus.length ? (modulus.length - start - 1) * 8 + (32 - Math.clz32(top)) : 0;
    return { key: { kind: 'RSA', bits, spki }, serialDecimal };
  }
  return { key: { kind: 'other', oid }, serialDecimal };
}
