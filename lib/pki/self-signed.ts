// Whether a certificate whose issuer and subject names match is really self-signed: the AKI (if any) names
// its own SKI, and the signature verifies with its own key, through WebCrypto. When WebCrypto cannot check
// the algorithm (Ed25519 in some browsers, DSA, unknown OIDs) the names and key identifiers alone decide.
import { DerReader, TAG, concat, toHex } from './der';
import { CURVES, CURVE_BYTES, DIGESTS, OID } from './key-oids';

/** Signature algorithms WebCrypto verifies everywhere we run (Chrome, Firefox, Node 20), with their hash. */
const ECDSA: Record<string, string> = {
  '1.2.840.10045.4.1': 'SHA-1', '1.2.840.10045.4.3.2': 'SHA-256', '1.2.840.10045.4.3.3': 'SHA-384', '1.2.840.10045.4.3.4': 'SHA-512',
};
const RSA: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'SHA-1', '1.2.840.113549.1.1.11': 'SHA-256', '1.2.840.113549.1.1.12': 'SHA-384', '1.2.840.113549.1.1.13': 'SHA-512',
};

export interface SignedParts {
  /** DER of the TBSCertificate, the signature AlgorithmIdentifier and the SubjectPublicKeyInfo. */
  tbs: Uint8Array<ArrayBuffer>;
  sigAlg: Uint8Array<ArrayBuffer>;
  spki: Uint8Array<ArrayBuffer>;
  /** The signature BIT STRING's bits. */
  sig: Uint8Array<ArrayBuffer>;
  extensions: Map<string, Uint8Array>;
}

/** X.509 carries ECDSA-Sig-Value ::= SEQUENCE { r, s }; WebCrypto takes r || s, each of the curve's size. */
function rawEcdsa(sig: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const r = new DerReader(sig);
  return concat(...r.seq(r.root(), 'ECDSA signature').map((t) => {
    const v = r.content(r.expect(t, TAG.INTEGER, 'ECDSA signature'));
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    const out = new Uint8Array(size);
    out.set(v.subarray(i), size - (v.length - i)); // throws RangeError when longer than the curve
    return out;
  }));
}

export async function isSelfSigned(c: SignedParts): Promise<boolean> {
  const ski = c.extensions.get('2.5.29.14');
  const aki = c.extensions.get('2.5.29.35');
  if (ski && aki) {
    const s = new DerReader(ski, true), a = new DerReader(aki, true);
    const skiRoot = s.root(), akiRoot = a.root();
    const id = akiRoot.tag === TAG.SEQUENCE ? a.children(akiRoot).find((t) => (t.tag & 0xdf) === 0x80) : undefined;
    if (id && skiRoot.tag === TAG.OCTET_STRING && toHex(a.content(id)) !== toHex(s.content(skiRoot))) return false;
  }
  const r = new DerReader(c.sigAlg, true);
  const [oidTlv, params] = r.seq(r.root(), 'signature algorithm');
  const oid = r.oid(oidTlv, 'signature algorithm');
  if (!ECDSA[oid] && !RSA[oid] && oid !== OID.rsaPss) return true;
  try {
    let importAlg: EcKeyImportParams | RsaHashedImportParams;
    let verifyAlg: EcdsaParams | RsaPssParams | Algorithm;
    let signature = c.sig;
    if (ECDSA[oid]) {
      const k = new DerReader(c.spki, true);
      const curve = CURVES[k.oid(k.seq(k.seq(k.root(), 'key')[0], 'key')[1], 'curve')]!;
      importAlg = { name: 'ECDSA', namedCurve: curve };
      verifyAlg = { name: 'ECDSA', hash: ECDSA[oid] };
      signature = rawEcdsa(c.sig, CURVE_BYTES[curve]);
    } else if (RSA[oid]) {
      verifyAlg = importAlg = { name: 'RSASSA-PKCS1-v1_5', hash: RSA[oid] };
    } else {
      // RSASSA-PSS-params (RFC 4055 §3.1): [0] hashAlgorithm DEFAULT sha1, [2] saltLength DEFAULT 20.
      const p = params?.tag === TAG.SEQUENCE ? r.children(params) : [];
      const hash = p.find((t) => t.tag === TAG.CTX0);
      const salt = p.find((t) => t.tag === 0xa2);
      importAlg = { name: 'RSA-PSS', hash: hash ? DIGESTS[r.oid(r.seq(r.explicit(hash, TAG.CTX0, 'PSS'), 'PSS')[0], 'PSS')]! : 'SHA-1' };
      verifyAlg = { name: 'RSA-PSS', saltLength: salt ? r.int(r.explicit(salt, 0xa2, 'PSS'), 'PSS') : 20 };
    }
    const key = await crypto.subtle.importKey('spki', c.spki, importAlg, false, ['verify']);
    return await crypto.subtle.verify(verifyAlg, key, signature, c.tbs);
  } catch {
    return false; // a checkable algorithm that throws means a malformed signature or key
  }
}
