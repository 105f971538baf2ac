// Opening a PKCS#12 (.p12/.pfx) file (RFC 7292): verify the MAC with the password, decrypt PBES2-encrypted
// contents (OpenSSL 3's default), collect private keys (imported at once, bytes wiped) and certificates.
// The 3DES/RC2/RC4 kind written by older tools is refused with a conversion command (legacy-encryption.ts).
// Walked on lib/pki's asn1js tree rather than with pkijs's PFX/SafeBag classes: those parse key bags into
// objects whose secret bytes cannot be wiped, and their crypto engine lacks hmacWithSHA224 and AES-192 in
// Chromium; walking it here also keeps every failure a precise PkiError code.
import { PkiError, isPkiError } from './errors';
import { content, corrupt, explicit, int, isCtx, octets, oid, parseDer, seq, type Node } from './asn1';
import { OID } from './key-oids';
import { fromPkcs8 } from './key-material';
import { checkCiphertext, readEncryptedPrivateKeyInfo, readPbes2Algorithm, pbes2Decrypt } from './pbes2';
import { decryptKeyInfo } from './encrypted-key';
import { importSigningKey } from './import-key';
import { legacyPkcs12Error } from './legacy-encryption';
import { bmpBytes, passwordVariants, utf8Bytes } from './password';
import { macMatches, readMacData } from './pkcs12-mac';
import type { KeySpec } from './key-material';

export interface Pkcs12Contents {
  keys: Array<{ key: CryptoKey; spec: KeySpec; localKeyId?: Uint8Array }>;
  certificates: Array<{ der: Uint8Array<ArrayBuffer>; localKeyId?: Uint8Array }>;
}

/** Nested SafeContents bags are legal but rare; two levels is plenty. */
const MAX_BAG_NESTING = 2;

interface Context {
  passwords: string[];
  out: Pkcs12Contents;
}

function localKeyId(attrs: Node | undefined): Uint8Array | undefined {
  if (!attrs) return undefined;
  for (const attr of seq(attrs, 'bag attributes', 'SET')) {
    const [type, values] = seq(attr, 'bag attribute');
    if (oid(type, 'bag attribute') === OID.localKeyId) return octets(seq(values, 'bag attribute', 'SET')[0], 'localKeyId');
  }
  return undefined;
}

async function readBags(contents: Node, ctx: Context, depth: number): Promise<void> {
  for (const bag of seq(contents, 'SafeContents')) {
    const parts = seq(bag, 'SafeBag');
    const type = oid(parts[0], 'SafeBag');
    const value = explicit(parts[1], 0, 'SafeBag value');
    const id = localKeyId(parts[2]);
    if (type === OID.keyBag || type === OID.shroudedKeyBag) {
      let material;
      if (type === OID.keyBag) material = fromPkcs8(value);
      else {
        const info = readEncryptedPrivateKeyInfo(value, legacyPkcs12Error);
        material = await decryptKeyInfo(info, ctx.passwords);
        if (!material) throw new PkiError('WRONG_PASSWORD');
      }
      const spec = material.spec;
      ctx.out.keys.push({ key: await importSigningKey(material), spec, localKeyId: id });
    } else if (type === OID.certBag) {
      const cert = seq(value, 'CertBag');
      if (oid(cert[0], 'CertBag') === OID.x509Certificate) {
        ctx.out.certificates.push({ der: octets(explicit(cert[1], 0, 'CertBag value'), 'certificate').slice(), localKeyId: id });
      }
    } else if (type === OID.safeContentsBag && depth < MAX_BAG_NESTING) {
      await readBags(value, ctx, depth + 1);
    }
  }
}

/** EncryptedData ::= SEQUENCE { version, EncryptedContentInfo { contentType, algorithm, [0] IMPLICIT content } } */
async function decryptContent(t: Node, passwords: string[]): Promise<Uint8Array<ArrayBuffer>> {
  const data = seq(t, 'EncryptedData');
  const info = seq(data[1], 'EncryptedContentInfo');
  const scheme = readPbes2Algorithm(info[1], legacyPkcs12Error);
  if (!isCtx(info[2], 0)) throw corrupt('EncryptedContentInfo');
  const ciphertext = content(info[2]!);
  checkCiphertext(ciphertext);
  for (const password of passwords) {
    const bytes = utf8Bytes(password);
    const plain = await pbes2Decrypt({ scheme, ciphertext }, bytes);
    bytes.fill(0);
    if (!plain) continue;
    try {
      parseDer(plain, { ber: true }); // wrong-password garbage rarely survives even this
      return plain;
    } catch {
      plain.fill(0);
    }
  }
  throw new PkiError('WRONG_PASSWORD');
}

/**
 * Keys and certificates of a PFX. `password` undefined means "none typed": the empty password is tried,
 * and PASSWORD_REQUIRED reported when it does not fit.
 */
export async function openPkcs12(der: Uint8Array, password: string | undefined): Promise<Pkcs12Contents> {
  const pfx = seq(parseDer(der, { ber: true }), 'PFX');
  const version = int(pfx[0], 'PFX version');
  if (version !== 3) throw new PkiError('UNSUPPORTED_KEY_FORMAT', { format: `PKCS#12 v${version}` });
  const authSafe = seq(pfx[1], 'PFX authSafe');
  const authType = oid(authSafe[0], 'PFX authSafe');
  if (authType === OID.signedData) throw new PkiError('UNSUPPORTED_KEY_FORMAT', { format: 'PKCS#12 signed' });
  if (authType !== OID.data || pfx.length > 3) throw corrupt('PFX');
  const safe = octets(explicit(authSafe[1], 0, 'PFX authSafe'), 'PFX authSafe');

  const typed = password ?? '';
  let passwords = passwordVariants(typed);
  if (pfx[2]) {
    const mac = readMacData(pfx[2]);
    // An empty password may be encoded as an empty BMPString or as no bytes at all (RFC 7292 B.1 note).
    const encodings = passwords.map((p) => ({ p, bytes: bmpBytes(p) }));
    if (typed === '') encodings.push({ p: '', bytes: new Uint8Array(0) });
    const match = encodings.find((e) => macMatches(mac, e.bytes, safe));
    for (const e of encodings) e.bytes.fill(0);
    if (!match) throw new PkiError(typed === '' ? 'PASSWORD_REQUIRED' : 'WRONG_PASSWORD');
    passwords = [match.p, ...passwords.filter((p) => p !== match.p)];
  }

  const ctx: Context = { passwords, out: { keys: [], certificates: [] } };
  try {
    await readAuthenticatedSafe(safe, ctx);
  } catch (e) {
    // Without a MAC, a failed decryption is the first sign of a missing password.
    if (typed === '' && isPkiError(e) && e.code === 'WRONG_PASSWORD') throw new PkiError('PASSWORD_REQUIRED');
    throw e;
  }
  return ctx.out;
}

async function readAuthenticatedSafe(safe: Uint8Array, ctx: Context): Promise<void> {
  for (const info of seq(parseDer(safe, { ber: true }), 'AuthenticatedSafe')) {
    const parts = seq(info, 'ContentInfo');
    const type = oid(parts[0], 'ContentInfo');
    const body = explicit(parts[1], 0, 'ContentInfo');
    if (type === OID.data) await readBags(parseDer(octets(body, 'SafeContents'), { ber: true }), ctx, 0);
    else if (type === OID.encryptedData) {
      const plain = await decryptContent(body, ctx.passwords);
      try {
        await readBags(parseDer(plain, { ber: true }), ctx, 0);
      } finally {
        plain.fill(0);
      }
    } else throw new PkiError('UNSUPPORTED_KEY_FORMAT', { format: 'PKCS#12 enveloped' });
  }
}
