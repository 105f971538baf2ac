// Opening a PKCS#12 (.p12/.pfx) file (RFC 7292): verify the MAC with the password, decrypt PBES2-encrypted
// contents (OpenSSL 3's default), collect private keys (imported at once, bytes wiped) and certificates.
// The 3DES/RC2/RC4 kind written by older tools is refused with a conversion command (legacy-encryption.ts).
// Written here rather than with pkijs's PFX classes so every failure maps to a precise PkiError code.
import { PkiError, isPkiError } from './errors';
import { DerReader, TAG, corrupt, type Tlv } from './der';
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

function localKeyId(r: DerReader, attrs: Tlv | undefined): Uint8Array | undefined {
  if (!attrs) return undefined;
  for (const attr of r.seq(attrs, 'bag attributes', TAG.SET)) {
    const [type, values] = r.seq(attr, 'bag attribute');
    if (r.oid(type, 'bag attribute') === OID.localKeyId) return r.octets(r.seq(values, 'bag attribute', TAG.SET)[0], 'localKeyId');
  }
  return undefined;
}

async function readBags(bytes: Uint8Array, ctx: Context, depth: number): Promise<void> {
  const r = new DerReader(bytes, true);
  for (const bag of r.seq(r.root(), 'SafeContents')) {
    const parts = r.seq(bag, 'SafeBag');
    const type = r.oid(parts[0], 'SafeBag');
    const value = r.explicit(parts[1], TAG.CTX0, 'SafeBag value');
    const id = localKeyId(r, parts[2]);
    if (type === OID.keyBag || type === OID.shroudedKeyBag) {
      let material;
      if (type === OID.keyBag) material = fromPkcs8(r, value);
      else {
        const info = readEncryptedPrivateKeyInfo(r, value, legacyPkcs12Error);
        material = await decryptKeyInfo(info, ctx.passwords);
        if (!material) throw new PkiError('WRONG_PASSWORD');
      }
      const spec = material.spec;
      ctx.out.keys.push({ key: await importSigningKey(material), spec, localKeyId: id });
    } else if (type === OID.certBag) {
      const cert = r.seq(value, 'CertBag');
      if (r.oid(cert[0], 'CertBag') === OID.x509Certificate) {
        ctx.out.certificates.push({ der: r.octets(r.explicit(cert[1], TAG.CTX0, 'CertBag value'), 'certificate').slice(), localKeyId: id });
      }
    } else if (type === OID.safeContentsBag && depth < MAX_BAG_NESTING) {
      await readBags(bytes.subarray(value.start, value.end), ctx, depth + 1);
    }
  }
}

/** EncryptedData ::= SEQUENCE { version, EncryptedContentInfo { contentType, algorithm, [0] IMPLICIT content } } */
async function decryptContent(r: DerReader, t: Tlv, passwords: string[]): Promise<Uint8Array<ArrayBuffer>> {
  const data = r.seq(t, 'EncryptedData');
  const info = r.seq(data[1], 'EncryptedContentInfo');
  const scheme = readPbes2Algorithm(r, info[1], legacyPkcs12Error);
  const content = info[2];
  if (!content || (content.tag !== TAG.CTX0_PRIM && content.tag !== TAG.CTX0)) throw corrupt('EncryptedContentInfo');
  const ciphertext = r.stringOf(content, 'encrypted content');
  checkCiphertext(ciphertext);
  for (const password of passwords) {
    const bytes = utf8Bytes(password);
    const plain = await pbes2Decrypt({ scheme, ciphertext }, bytes);
    bytes.fill(0);
    if (!plain) continue;
    try {
      new DerReader(plain, true).root(); // wrong-password garbage rarely survives even this
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
  const r = new DerReader(der, true);
  const pfx = r.seq(r.root(), 'PFX');
  const version = r.int(pfx[0], 'PFX version');
  if (version !== 3) throw new PkiError('UNSUPPORTED_KEY_FORMAT', { format: `PKCS#12 v${version}` });
  const authSafe = r.seq(pfx[1], 'PFX authSafe');
  const authType = r.oid(authSafe[0], 'PFX authSafe');
  if (authType === OID.signedData) throw new PkiError('UNSUPPORTED_KEY_FORMAT', { format: 'PKCS#12 signed' });
  if (authType !== OID.data || pfx.length > 3) throw corrupt('PFX');
  const content = r.octets(r.explicit(authSafe[1], TAG.CTX0, 'PFX authSafe'), 'PFX authSafe');

  const typed = password ?? '';
  let passwords = passwordVariants(typed);
  if (pfx[2]) {
    const mac = readMacData(r, pfx[2]);
    // An empty password may be encoded as an empty BMPString or as no bytes at all (RFC 7292 B.1 note).
    const encodings = passwords.map((p) => ({ p, bytes: bmpBytes(p) }));
    if (typed === '') encodings.push({ p: '', bytes: new Uint8Array(0) });
    const match = encodings.find((e) => macMatches(mac, e.bytes, content));
    for (const e of encodings) e.bytes.fill(0);
    if (!match) throw new PkiError(typed === '' ? 'PASSWORD_REQUIRED' : 'WRONG_PASSWORD');
    passwords = [match.p, ...passwords.filter((p) => p !== match.p)];
  }

  const ctx: Context = { passwords, out: { keys: [], certificates: [] } };
  try {
    await readAuthenticatedSafe(content, ctx);
  } catch (e) {
    // Without a MAC, a failed decryption is the first sign of a missing password.
    if (typed === '' && isPkiError(e) && e.code === 'WRONG_PASSWORD') throw new PkiError('PASSWORD_REQUIRED');
    throw e;
  }
  return ctx.out;
}

async function readAuthenticatedSafe(content: Uint8Array, ctx: Context): Promise<void> {
  const safe = new DerReader(content, true);
  for (const info of safe.seq(safe.root(), 'AuthenticatedSafe')) {
    const parts = safe.seq(info, 'ContentInfo');
    const type = safe.oid(parts[0], 'ContentInfo');
    const body = safe.explicit(parts[1], TAG.CTX0, 'ContentInfo');
    if (type === OID.data) await readBags(safe.octets(body, 'SafeContents'), ctx, 0);
    else if (type === OID.encryptedData) {
      const plain = await decryptContent(safe, body, ctx.passwords);
      try {
        await readBags(plain, ctx, 0);
      } finally {
        plain.fill(0);
      }
    } else throw new PkiError('UNSUPPORTED_KEY_FORMAT', { format: 'PKCS#12 enveloped' });
  }
}
