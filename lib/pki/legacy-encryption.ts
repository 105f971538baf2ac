// Encryption that WebCrypto cannot undo (DES, 3DES, RC2, RC4, and OpenSSL's MD5-based PEM key derivation).
// Rather than ship old ciphers in the extension, we tell the user the exact OpenSSL command that rewrites
// the file with PBES2/AES-256 (what Aplikacja Podatnika writes, NOTES §4.4). The file names are
// placeholders the message explains; the commands are checked against OpenSSL 3 in the tests.
import { PkiError } from './errors';

export const CONVERT_KEY_COMMAND =
  'openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -in stary.key -out nowy.key';

// `pkcs12 -export` reads its -in file twice (key, then certificates), so it cannot read a pipe; the
// temporary file holds the unencrypted key only until the second command has re-encrypted it.
export const CONVERT_PKCS12_COMMAND =
  'openssl pkcs12 -legacy -in stary.p12 -nodes -out tymczasowy.pem && openssl pkcs12 -export -in tymczasowy.pem -out nowy.p12 && rm tymczasowy.pem';

/** OpenSSL 3 keeps single DES, RC2, RC4 and MD2/MD5-based PBE in its "legacy" provider. */
function needsLegacyProvider(algorithm: string): boolean {
  return /RC2|RC4|RC5|MD2|MD5|2DES|-DES|^DES/.test(algorithm) && !/EDE3|3DES/.test(algorithm);
}

export function legacyKeyError(algorithm: string): PkiError {
  const command = needsLegacyProvider(algorithm)
    ? CONVERT_KEY_COMMAND.replace('-topk8', '-topk8 -provider legacy -provider default')
    : CONVERT_KEY_COMMAND;
  return new PkiError('LEGACY_ENCRYPTION', { algorithm, command });
}

export function legacyPkcs12Error(algorithm: string): PkiError {
  return new PkiError('LEGACY_ENCRYPTION', { algorithm, command: CONVERT_PKCS12_COMMAND });
}
