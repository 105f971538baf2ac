// KOD I (NOTES §12): every invoice shown outside KSeF carries a link, and its QR code, that lets anyone check
// the invoice in KSeF: {QR base}/invoice/{seller NIP}/{P_1 as DD-MM-YYYY}/{SHA-256 of the file, base64url}.
// The hash is of the exact bytes KSeF stored (the same as `invoiceHash` in the metadata), so the caller passes
// those bytes or that hash, never a re-serialised document.
import type { KsefEnvironment } from '../pki';

const QR_BASES: Record<KsefEnvironment, string> = {
  test: 'https://qr-test.ksef.mf.gov.pl',
  demo: 'https://qr-demo.ksef.mf.gov.pl',
  production: 'https://qr.ksef.mf.gov.pl',
};

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

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function hashFromBase64(hash: string): string {
  const b64 = hash.trim().replace(/-/g, '+').replace(/_/g, '/');
  let bytes: string;
  try {
    bytes = atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '='));
  } catch {
    bytes = '';
  }
  if (bytes.length !== 32) throw new TypeError('"invoiceHashBase64" must be a base64 SHA-256 digest (32 bytes)');
  return toBase64Url(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
}

/** The KOD I verification link of an invoice; `subtle` hashes `xmlBytes` when no hash is given. */
export async function verificationLink(
  input: VerificationLinkInput,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  if (typeof input !== 'object' || input === null) throw new TypeError('"input" must be an object');
  const base = Object.prototype.hasOwnProperty.call(QR_BASES, input.environment) ? QR_BASES[input.environment] : undefined;
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
    hash = toBase64Url(new Uint8Array(await subtle.digest('SHA-256', input.xmlBytes)));
  } else {
    throw new TypeError('"invoiceHashBase64" or "xmlBytes" must be given');
  }
  return `${base}/invoice/${input.sellerNip}/${date[3]}-${date[2]}-${date[1]}/${hash}`;
}
