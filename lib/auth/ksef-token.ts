// KSeF-token login material (NOTES §5): RSA-OAEP SHA-256 over UTF-8 "<token>|<timestampMs>", where the
// timestamp is the challenge's `timestampMs`, with the key whose usage is KsefTokenEncryption. Tokens carry
// `|` themselves (`<reference>|nip-<NIP>|<secret>`); KSeF reads the timestamp after the last one.
import { bytesToBase64, importRsaOaepKey, utf8Encode } from '../ksef';

export async function encryptKsefToken(token: string, timestampMs: number, certificateBase64: string): Promise<string> {
  if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
    throw new TypeError('"token" must be a non-empty KSeF token');
  }
  if (!Number.isSafeInteger(timestampMs) || timestampMs <= 0) {
    throw new TypeError('"timestampMs" must be a positive integer (Unix milliseconds)');
  }
  const key = await importRsaOaepKey(certificateBase64);
  const plain = utf8Encode(`${token}|${timestampMs}`);
  try {
    const encrypted = await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, key, plain);
    return bytesToBase64(new Uint8Array(encrypted));
  } finally {
    plain.fill(0); // the token is a credential: do not leave its bytes behind
  }
}
