// readPkcs12: the certificate and private key from one .p12/.pfx file (RFC 7292), as loadCredentials
// would return them from two files. The certificate is the one whose public key the private key proves
// to match, preferring the one the file links to the key by localKeyId (a .p12 often carries the CA too).
import { PkiError } from './errors';
import { decodeInput } from './pem';
import type { BinaryInput, CertificateInfo } from './types';
import { readCertificate } from './certificate';
import { shapeOf } from './key-source';
import { openPkcs12 } from './pkcs12-container';
import { keyMatchesCertificate } from './key-match';
import { checkInputArgument, checkPasswordArgument, mapUnexpected, wipeDecoded } from './key-guards';

const FORMAT_NAMES: Record<string, string> = {
  'encrypted-pkcs8': 'PKCS#8', pkcs8: 'PKCS#8', pkcs1: 'PKCS#1', sec1: 'SEC1', dsa: 'DSA',
  certificate: 'X.509', 'public-key': 'SPKI', pkcs7: 'PKCS#7', 'ec-parameters': 'EC PARAMETERS',
};

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The certificate (as readCertificate describes it) and the non-extractable signing key of a PKCS#12
 * file. `password` may be empty for files exported without one.
 */
export async function readPkcs12(
  input: BinaryInput,
  password: string,
): Promise<{ certificate: CertificateInfo; privateKey: CryptoKey }> {
  checkInputArgument(input, 'input');
  checkPasswordArgument(password, false);
  return mapUnexpected(async () => {
    const decoded = decodeInput(input);
    try {
      const der = decoded.kind === 'der' ? decoded.der : decoded.blocks[0]?.der;
      const shape = der ? shapeOf(der) : 'unknown';
      if (shape === 'certificate') throw new PkiError('NOT_A_PRIVATE_KEY');
      if (!der || shape !== 'pkcs12') {
        throw new PkiError('UNSUPPORTED_KEY_FORMAT', { format: FORMAT_NAMES[shape] ?? 'not PKCS#12' });
      }
      const { keys, certificates } = await openPkcs12(der, password);
      const key = keys[0];
      if (!key) throw new PkiError('PKCS12_INCOMPLETE', { missing: 'key' });
      if (certificates.length === 0) throw new PkiError('PKCS12_INCOMPLETE', { missing: 'certificate' });
      const ordered = [
        ...certificates.filter((c) => sameBytes(c.localKeyId, key.localKeyId)),
        ...certificates.filter((c) => !sameBytes(c.localKeyId, key.localKeyId)),
      ];
      for (const cert of ordered) {
        if (await keyMatchesCertificate(key.key, cert.der)) {
          return { certificate: await readCertificate(cert.der), privateKey: key.key };
        }
      }
      throw new PkiError('KEY_CERT_MISMATCH');
    } finally {
      wipeDecoded(decoded);
    }
  });
}
