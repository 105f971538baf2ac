// The signer's certificate in a signed AuthTokenRequest: the KeyInfo certificate the SigningCertificate digest
// names (NOTES §3.4), its key and serial read once per verification, or not at all when the caller knows it.
import type { CertificateInfo } from '../pki';
import { digest } from './bytes';
import { readCertificateKey, type CertificateKey } from './certificate-key';
import { XadesError } from './errors';
import type { SignatureParts } from './signature-reader';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The signer's certificate already read by its caller (lib/xades' own signer, which wrote KeyInfo from it), so
 * the self-check reads the same bytes once per credentials rather than on every verification. Used only when the
 * KeyInfo certificate is exactly `der`, byte for byte; any other certificate is read here.
 */
export interface KnownSigner {
  der: Uint8Array;
  key: CertificateKey;
  serialDecimal: string;
  info: CertificateInfo;
}

export interface Signer {
  der: Uint8Array<ArrayBuffer>;
  key: CertificateKey;
  known: KnownSigner | null;
}

export async function findSigner(parts: SignatureParts, known: KnownSigner | null): Promise<Signer> {
  for (const ref of parts.signingCertificates) {
    for (const der of parts.certificates) {
      if (sameBytes(await digest(ref.hash, der), ref.digest)) {
        const matched = known && sameBytes(der, known.der) ? known : null;
        // One read gives the key and the serial; a certificate it cannot read fails here as it always did.
        const { key, serialDecimal } = matched ?? readCertificateKey(der);
        if (ref.serialDecimal !== null && ref.serialDecimal !== serialDecimal) {
          const detail = `IssuerSerial serial ${ref.serialDecimal} is not the certificate's ${serialDecimal}`;
          throw new XadesError('SIGNING_CERTIFICATE', detail);
        }
        return { der, key, known: matched };
      }
    }
  }
  throw new XadesError('SIGNING_CERTIFICATE', 'no KeyInfo certificate matches the SigningCertificate digest');
}
