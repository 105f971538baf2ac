// Reads a response body chunk by chunk and stops at a cap (response-limits.ts), so an oversized answer
// costs at most `cap` bytes of memory, never the whole body. A Content-Length over the cap stops it at once.

export type BodyRead = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; bytesRead: number };

/** The body's length as sent, when it is also the length read: a compressed body's Content-Length is not. */
function declaredLength(headers: Headers): number | undefined {
  const encoding = headers.get('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') return undefined;
  const value = headers.get('content-length');
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

export async function readBody(res: Pick<Response, 'headers' | 'body'>, cap: number): Promise<BodyRead> {
  if (!Number.isSafeInteger(cap) || cap < 0) throw new TypeError('"cap" must be a non-negative integer');
  const declared = declaredLength(res.headers);
  if (declared !== undefined && declared > cap) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, bytesRead: 0 };
  }
  if (!res.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      // Cancelling tells the source to stop producing and lets fetch close the connection.
      await reader.cancel().catch(() => undefined);
      return { ok: false, bytesRead: total };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
