// readPrivateKey: the user's private key as a non-extractable WebCrypto signing key (DESIGN: lib/pki).
// Accepts what Aplikacja Podatnika writes (encrypted PKCS#8, PBES2, NOTES §4.4) and what users bring from
// elsewhere: plain PKCS#8, PKCS#1 RSA, SEC1 EC (with or without EC PARAMETERS), PKCS#12, in PEM or DER.
// Order of checks: what the file is (so a swapped .crt says so) → how it is encrypted (legacy schemes
// need no password to be refused) → the password → the key inside.
import { PkiError } from './errors';
import { decodeInput } from './pem';
import { checkInputArgument, checkPasswordArgument, mapUnexpected, wipeDecoded } from './key-guards';
import type { BinaryInput } from './types';
import { parseDer } from './asn1';
import { findKeySource, type KeySource } from './key-source';
import { fromPkcs1, fromPkcs8, fromSec1 } from './key-material';
import { readEncryptedPrivateKeyInfo } from './pbes2';
import { decryptKeyInfo } from './encrypted-key';
import { importSigningKey } from './import-key';
import { legacyKeyError } from './legacy-encryption';
import { passwordVariants } from './password';
import { openPkcs12 } from './pkcs12-container';

async function importFromSource(source: KeySource, password: string | undefined): Promise<CryptoKey> {
  switch (source.kind) {
    case 'pkcs12': {
      const contents = await openPkcs12(source.der, password);
      const first = contents.keys[0];
      if (!first) throw new PkiError('PKCS12_INCOMPLETE', { missing: 'key' });
      return first.key;
    }
    case 'encrypted-pkcs8': {
      const info = readEncryptedPrivateKeyInfo(source.der, legacyKeyError);
      if (password === undefined || password === '') throw new PkiError('PASSWORD_REQUIRED');
      const material = await decryptKeyInfo(info, passwordVariants(password));
      if (!material) throw new PkiError('WRONG_PASSWORD');
      return importSigningKey(material);
    }
    case 'pkcs8':
      return importSigningKey(fromPkcs8(parseDer(source.der)));
    case 'pkcs1':
      return importSigningKey(fromPkcs1(source.der));
    case 'sec1':
      return importSigningKey(fromSec1(source.der, source.curve));
  }
}

/**
 * The private key in `input` (PEM text, PEM or DER bytes) as a non-extractable CryptoKey with usages
 * ['sign']: ECDSA on P-256/P-384/P-521, or RSASSA-PKCS1-v1_5 with SHA-256. `password` is needed for
 * encrypted keys and PKCS#12; unencrypted keys ignore it. Every failure is a PkiError (see errors.ts).
 * The decoded and decrypted key bytes are wiped once imported.
 */
export async function readPrivateKey(input: BinaryInput, password?: string): Promise<CryptoKey> {
  checkInputArgument(input, 'input');
  checkPasswordArgument(password, true);
  return mapUnexpected(async () => {
    const decoded = decodeInput(input);
    try {
      return await importFromSource(findKeySource(decoded), password);
    } finally {
      wipeDecoded(decoded);
    }
  });
}
