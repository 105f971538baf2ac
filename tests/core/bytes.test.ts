// lib/core/bytes.ts: base64 in both alphabets, hex, UTF-8, concat and WebCrypto digests.
import { describe, expect, it } from 'vitest';
import { concat, decodeBase64, digest, sha256, toBase64, toBase64Url, toHex, utf8Decode, utf8Encode } from '../../lib/core/bytes';

const bytes = Uint8Array.from([0xfb, 0xff, 0x00, 0x41]);

describe('bytes', () => {
  it('encodes base64 and base64url (no padding)', () => {
    expect(toBase64(bytes)).toBe('+/8AQQ==');
    expect(toBase64Url(bytes)).toBe('-_8AQQ');
    expect(toBase64(new Uint8Array(100_000)).length).toBe(133_336); // chunked: no argument-count overflow
  });

  it.each([
    ['+/8AQQ==', {}, [0xfb, 0xff, 0x00, 0x41]],
    [' +/8A\nQQ== ', { padding: 'required' }, [0xfb, 0xff, 0x00, 0x41]],
    ['+/8AQQ', {}, [0xfb, 0xff, 0x00, 0x41]],
    ['+/8AQQ', { padding: 'required' }, null],
    ['-_8AQQ', {}, null],
    ['-_8AQQ', { alphabet: 'any' }, [0xfb, 0xff, 0x00, 0x41]],
    ['a$b', { alphabet: 'any' }, null],
    ['abcde', {}, null],
    ['A===', {}, null],
    ['', {}, []],
  ] as const)('decodes %j with %j', (text, options, expected) => {
    const out = decodeBase64(text, options);
    expect(out === null ? null : Array.from(out)).toEqual(expected);
  });

  it('writes hex, UTF-8 and concatenations', () => {
    expect(toHex(bytes)).toBe('fbff0041');
    expect(utf8Decode(utf8Encode('zażółć'))).toBe('zażółć');
    expect(utf8Decode(Uint8Array.from([0xff]))).toBe('\ufffd');
    expect(Array.from(concat(Uint8Array.of(1), new Uint8Array(), Uint8Array.of(2, 3)))).toEqual([1, 2, 3]);
  });

  it('hashes with WebCrypto', async () => {
    expect(toHex(await sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(await digest('SHA-256', utf8Encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
