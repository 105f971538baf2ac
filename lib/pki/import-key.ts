// The single place where key bytes become a WebCrypto key: non-extractable, usable only to sign
// (DESIGN: security rules; STYLE 14). The canonical PKCS#8 buffer is wiped whatever happens.
import { PkiError } from './errors';
import type { KeyMaterial, KeySpec } from './key-material';

export function importAlgorithm(spec: KeySpec): EcKeyImportParams | RsaHashedImportParams {
  return spec.type === 'EC'
    ? { name: 'ECDSA', namedCurve: spec.curve }
    : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}

export async function importSigningKey(
  material: KeyMaterial,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<CryptoKey> {
  try {
    return await subtle.importKey('pkcs8', material.pkcs8, importAlgorithm(material.spec), false, ['sign']);
  } catch (cause) {
    throw new PkiError('CORRUPT_FILE', { detail: 'key rejected on import' }, { cause });
  } finally {
    material.pkcs8.fill(0);
  }
}
