// Base64 and digests with what every runtime has (atob/btoa, WebCrypto): no Buffer in the worker.

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Decodes XML base64 content (whitespace allowed, as base64Binary); null when it is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const clean = text.replace(/[\s]/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function digest(
  hash: 'SHA-256' | 'SHA-384' | 'SHA-512',
  data: string | Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return new Uint8Array(await crypto.subtle.digest(hash, bytes));
}
