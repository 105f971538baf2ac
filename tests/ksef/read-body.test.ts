import { describe, expect, it } from 'vitest';
import { readBody } from '../../lib/ksef/read-body';

/** A response whose body is `chunks`, noting how many were pulled and whether reading was cancelled. */
function response(chunks: number[], headers: Record<string, string> = {}) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      const size = chunks[seen.pulled];
      if (size === undefined) return controller.close();
      seen.pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(65));
    },
    cancel() {
      seen.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { res: { headers: new Headers(headers), body }, seen };
}

describe('readBody', () => {
  it.each<[string, number[], Record<string, string>, number, { ok: boolean; size?: number; bytesRead?: number; pulled: number; cancelled: boolean }]>([
    ['a body under the cap', [3, 4], {}, 10, { ok: true, size: 7, pulled: 2, cancelled: false }],
    ['a body of exactly the cap', [5, 5], {}, 10, { ok: true, size: 10, pulled: 2, cancelled: false }],
    ['a body one byte over', [5, 6, 100], {}, 10, { ok: false, bytesRead: 11, pulled: 2, cancelled: true }],
    ['Content-Length over the cap', [5], { 'content-length': '11' }, 10, { ok: false, bytesRead: 0, pulled: 0, cancelled: true }],
    ['a compressed body: its Content-Length is not the read length', [5], { 'content-length': '11', 'content-encoding': 'gzip' }, 10, { ok: true, size: 5, pulled: 1, cancelled: false }],
    ['a lying Content-Length under the cap', [8, 8], { 'content-length': '4' }, 10, { ok: false, bytesRead: 16, pulled: 2, cancelled: true }],
  ])('%s', async (_name, chunks, headers, cap, expected) => {
    const { res, seen } = response(chunks, headers);
    const out = await readBody(res, cap);
    expect(out.ok).toBe(expected.ok);
    if (out.ok) expect(out.bytes.byteLength).toBe(expected.size);
    else expect(out.bytesRead).toBe(expected.bytesRead);
    expect(seen).toEqual({ pulled: expected.pulled, cancelled: expected.cancelled });
  });

  it('reads an absent body as empty and checks the cap', async () => {
    expect(await readBody({ headers: new Headers(), body: null }, 0)).toEqual({ ok: true, bytes: new Uint8Array(0) });
    await expect(readBody({ headers: new Headers(), body: null }, -1)).rejects.toThrow(new TypeError('"cap" must be a non-negative integer'));
  });
});
