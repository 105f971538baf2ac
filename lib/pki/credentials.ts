// loadCredentials: the user's certificate and private key, read and proven to belong together
// (DESIGN: lib/pki contracts). The order of checks gives the most useful answer first:
//   1. swapped files (a key where the certificate should be, or both swapped) → NOT_A_CERTIFICATE /
//      NOT_A_PRIVATE_KEY, before any password is asked for or checked;
//   2. the certificate itself (cheap, no password);
//   3. the key (password: PASSWORD_REQUIRED / WRONG_PASSWORD);
//   4. the signature proof → KEY_CERT_MISMATCH.
import { PkiError } from './errors';
import type { BinaryInput, CertificateInfo } from './types';
import { readCertificate } from './certificate';
import { readPrivateKey } from './private-key';
import { sniffInput } from './key-source';
import { describeKey, keyMatchesCertificate } from './key-match';
import { checkInputArgument, checkPasswordArgument, mapUnexpected } from './key-guards';

export interface CredentialsInput {
  certificate: BinaryInput;
  privateKey: BinaryInput;
  password?: string;
}

export interface Credentials {
  certificate: CertificateInfo;
  privateKey: CryptoKey;
}

export async function loadCredentials(input: CredentialsInput): Promise<Credentials> {
  if (typeof input !== 'object' || input === null) throw new TypeError('"input" must be an object');
  checkInputArgument(input.certificate, 'certificate');
  checkInputArgument(input.privateKey, 'privateKey');
  checkPasswordArgument(input.password, true);
  return mapUnexpected(async () => {
    const certIs = sniffInput(input.certificate);
    const keyIs = sniffInput(input.privateKey);
    if (certIs === 'private-key') {
      throw new PkiError('NOT_A_CERTIFICATE', keyIs === 'certificate' ? { swapped: 'yes' } : {});
    }
    if (keyIs === 'certificate') throw new PkiError('NOT_A_PRIVATE_KEY');
    const certificate = await readCertificate(input.certificate);
    const privateKey = await readPrivateKey(input.privateKey, input.password);
    if (!(await keyMatchesCertificate(privateKey, certificate.der))) {
      throw new PkiError('KEY_CERT_MISMATCH', {
        keyAlgorithm: describeKey(privateKey),
        certificateAlgorithm: certificate.keyAlgorithm,
      });
    }
    return { certificate, privateKey };
  });
}
