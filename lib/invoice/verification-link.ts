// KOD I (NOTES §12): every invoice shown outside KSeF carries a link, and its QR code, that lets anyone check
// the invoice in KSeF: {QR base}/invoice/{seller NIP}/{P_1 as DD-MM-YYYY}/{SHA-256 of the file, base64url}.
// The hash is of the exact bytes KSeF stored (the same as `invoiceHash` in the metadata), so the caller passes
// those bytes or that hash, never a re-serialised document.
import { decodeBase64, digest, toBase64Url } from '../core/bytes';
import { ENVIRONMENT_URLS, isKsefEnvironment, type KsefEnvironment } from '../domain/environments';

export interface VerificationLinkInput {
  environment: KsefEnvironment;
  sellerNip: string;
  /** P_1, the issue date, as YYYY-MM-DD. */
  issueDate: string;
  /** SHA-256 of the invoice file, base64 or base64url (metadata `invoiceHash`). */
  invoiceHashBase64?: string;
  /** The invoice file exactly as KSeF holds it; hashed here when no hash is given. */
  xmlBytes?: Uint8Array<ArrayBuffer>;
}

function hashFromBase64(hash: string): string {
  const bytes = decodeBase64(hash, { alphabet: 'any' });
  if (bytes?.length !== 32) throw new TypeError('"invoiceHashBase64" must be a base64 SHA-256 digest (32 bytes)');
  return toBase64Url(bytes);
}

/** The KOD I verification link of an invoice; `subtle` hashes `xmlBytes` when no hash is given. */
export async function verificationLink(
  input: VerificationLinkInput,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  if (typeof input !== 'object' || input === null) throw new TypeError('"input" must be an object');
  const base = isKsefEnvironment(input.environment) ? ENVIRONMENT_URLS[input.environment].qrBaseUrl : undefined;
  if (!base) throw new TypeError('"environment" must be "test", "demo" or "production"');
  if (typeof input.sellerNip !== 'string' || !/^\d{10}$/.test(input.sellerNip)) {
    throw new TypeError('"sellerNip" must be a NIP of 10 digits');
  }
  const date = typeof input.issueDate === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.issueDate) : null;
  if (!date) throw new TypeError('"issueDate" must be a date as YYYY-MM-DD');
  let hash: string;
  if (input.invoiceHashBase64 !== undefined) {
    if (typeof input.invoiceHashBase64 !== 'string') throw new TypeError('"invoiceHashBase64" must be a string');
    hash = hashFromBase64(input.invoiceHashBase64);
  } else if (input.xmlBytes instanceof Uint8Array) {
    hash = toBase64Url(await digest('SHA-256', input.xmlBytes, subtle));
  } else {
    throw new TypeError('"invoiceHashBase64" or "xmlBytes" must be given');
  }
  return `${base}/invoice/${input.sellerNip}/${date[3]}-${date[2]}-${date[1]}/${hash}`;
}
