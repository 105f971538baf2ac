// How a typed password becomes bytes. PBKDF2 takes UTF-8 (RFC 8018 leaves the encoding open; OpenSSL and
// Aplikacja Podatnika's files use UTF-8 — the fixtures' Polish-letter password proves it). PKCS#12's own
// key derivation takes a BMPString: UTF-16 big-endian plus two zero bytes (RFC 7292 B.1).
//
// Unicode normalisation: "ż" can be typed as one code point (NFC, what Polish keyboards on every common
// system produce) or as "z" + combining dot (NFD, e.g. text pasted from some macOS sources). The two look
// identical but give different bytes. We try the password exactly as typed first, then its NFC and NFD
// forms when they differ, so a user never sees "wrong password" for a password that looks right. The cost
// is one extra key derivation per extra form, and only for a wrong non-ASCII password.

/** The forms of `password` to try, as typed first, without duplicates. */
export function passwordVariants(password: string): string[] {
  return [...new Set([password, password.normalize('NFC'), password.normalize('NFD')])];
}

export function utf8Bytes(password: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(password) as Uint8Array<ArrayBuffer>;
}

/** BMPString with its terminating zero pair, as OpenSSL's PKCS12_key_gen_utf8 builds it. */
export function bmpBytes(password: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const unit = password.charCodeAt(i);
    out[i * 2] = unit >>> 8;
    out[i * 2 + 1] = unit & 0xff;
  }
  return out;
}
