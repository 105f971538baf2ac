// XML downloads (invoice, UPO) keep the raw bytes and check them against `x-ms-meta-hash`, the base64
// SHA-256 KSeF computed when it stored the file (NOTES §2, §7.3).
import type { Call, Transport } from './transport';
import { sha256Base64, utf8Decode } from './encoding';

export interface DownloadedXml {
  xml: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** Base64 SHA-256 of `bytes`, computed here. */
  hash: string;
  /** The `x-ms-meta-hash` header as sent, or null when KSeF sent none. */
  headerHash: string | null;
}

export async function downloadXml(t: Transport, call: Call, expectedHash?: string): Promise<DownloadedXml> {
  const res = await t.send(call);
  const hash = await sha256Base64(res.bytes);
  const headerHash = res.headers.get('x-ms-meta-hash')?.trim() || null;
  for (const expected of [headerHash, expectedHash]) {
    if (expected && expected !== hash) {
      throw t.fail('HASH_MISMATCH', { operation: `${call.method} ${call.path}`, status: res.status });
    }
  }
  return { xml: utf8Decode(res.bytes), bytes: res.bytes, hash, headerHash };
}
