// The signer's public key and serial for XAdES, from lib/pki's one certificate reader (x509.ts).
import { certificateKey, parseCertificate, type CertificateKey } from '../pki/x509';

export type { CertificateKey };

/** The serial number as a decimal string, as XAdES IssuerSerial writes it (NOTES §3.5). */
export function serialHexToDecimal(hex: string): string {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new TypeError('"serialNumberHex" must be hexadecimal digits');
  return BigInt(`0x${hex}`).toString(10);
}

/** Reads the key and serial of a DER certificate; throws (a PkiError) when the DER is not a certificate. */
export function readCertificateKey(der: Uint8Array): { key: CertificateKey; serialDecimal: string } {
  const x = parseCertificate(der);
  return { key: certificateKey(x), serialDecimal: x.serial.toBigInt().toString(10) };
}
