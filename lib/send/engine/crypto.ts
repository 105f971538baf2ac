// The crypto of an online session (NOTES §8.2), WebCrypto only: a random AES-256 key and IV per session, the
// key wrapped with RSA-OAEP-SHA256 under KSeF's SymmetricKeyEncryption key, each invoice AES-256-CBC with
// PKCS#7 padding and no IV prefix, SHA-256 hashes and sizes of plaintext and ciphertext. The key is generated
// extractable only to be wrapped once; what is kept is a non-extractable copy, and the raw bytes are wiped.
import { bytesToBase64, utf8Encode } from '../../ksef/encoding';
import { importRsaOaepKey } from '../../ksef/public-keys';
import type { SendInvoiceRequest } from '../../ksef/schemas';

export interface SessionKey {
  /** AES-CBC 256, non-extractable, usage encrypt. */
  aesKey: CryptoKey;
  iv: Uint8Array<ArrayBuffer>;
  /** `OpenOnlineSessionRequest.encryption` (publicKeyId added by the caller). */
  encryptedSymmetricKey: string;
  initializationVector: string;
}

export async function createSessionKey(certificateBase64: string, subtle: SubtleCrypto = crypto.subtle): Promise<SessionKey> {
  const rsa = await importRsaOaepKey(certificateBase64);
  const generated = await subtle.generateKey({ name: 'AES-CBC', length: 256 }, true, ['encrypt']);
  const raw = new Uint8Array(await subtle.exportKey('raw', generated));
  try {
    const wrapped = new Uint8Array(await subtle.encrypt({ name: 'RSA-OAEP' }, rsa, raw));
    const aesKey = await subtle.importKey('raw', raw, { name: 'AES-CBC' }, false, ['encrypt']);
    const iv = crypto.getRandomValues(new Uint8Array(16));
    return { aesKey, iv, encryptedSymmetricKey: bytesToBase64(wrapped), initializationVector: bytesToBase64(iv) };
  } finally {
    raw.fill(0);
  }
}

async function sha256(subtle: SubtleCrypto, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToBase64(new Uint8Array(await subtle.digest('SHA-256', bytes)));
}

/** SendInvoiceRequest for one invoice: the plaintext lives only inside this call. */
export async function encryptInvoice(aesKey: CryptoKey, iv: Uint8Array<ArrayBuffer>, xml: string, subtle: SubtleCrypto = crypto.subtle): Promise<SendInvoiceRequest> {
  if (aesKey?.algorithm?.name !== 'AES-CBC' || !aesKey.usages.includes('encrypt')) throw new TypeError('"aesKey" must be an AES-CBC encryption key');
  if (!(iv instanceof Uint8Array) || iv.length !== 16) throw new TypeError('"iv" must be 16 bytes');
  const plain = utf8Encode(xml);
  const cipher = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv }, aesKey, plain));
  const request: SendInvoiceRequest = {
    invoiceHash: await sha256(subtle, plain),
    invoiceSize: plain.length,
    encryptedInvoiceHash: await sha256(subtle, cipher),
    encryptedInvoiceSize: cipher.length,
    encryptedInvoiceContent: bytesToBase64(cipher),
    offlineMode: false,
  };
  plain.fill(0);
  return request;
}
