// A certificate's outline read with lib/pki's bounded asn1js parse alone, without pkijs (issue 15): enough to cut
// out the SubjectPublicKeyInfo of KSeF's own encryption certificates in the service worker (lib/ksef/public-keys).
// x509.ts reads the whole certificate (pkijs) on top of the same outline.
import { is, isCtx, kids, parseDer, raw, type Node } from './asn1';
import { PkiError } from './errors';

/** SEQUENCE { tbs SEQUENCE { [0] version | INTEGER serial, … }, … }. */
export function looksLikeCertificate(root: Node): boolean {
  const tbs = is(root, 'SEQUENCE') ? kids(root)[0] : undefined;
  const items = is(tbs, 'SEQUENCE') ? kids(tbs) : [];
  return isCtx(items[0], 0) || (is(items[0], 'INTEGER') && items.length >= 6 && is(items[3], 'SEQUENCE'));
}

/** The TBSCertificate's fields after the optional version: serial, signature, issuer, validity, subject, SPKI, …. */
export function tbsFields(root: Node): Node[] {
  const items = kids(kids(root)[0]!);
  return items.slice(isCtx(items[0], 0) ? 1 : 0) as Node[];
}

/** The DER SubjectPublicKeyInfo of a DER certificate; PkiError NOT_A_CERTIFICATE or CORRUPT_FILE otherwise. */
export function certificateSpki(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const root = parseDer(bytes, { ber: true });
  if (!looksLikeCertificate(root) || kids(root).length !== 3) throw new PkiError('NOT_A_CERTIFICATE', { label: 'ASN.1' });
  const spki = tbsFields(root)[5];
  if (!is(spki, 'SEQUENCE')) throw new PkiError('CORRUPT_FILE', { detail: 'certificate structure' });
  return raw(spki).slice();
}
