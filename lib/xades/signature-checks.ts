// Small checks shared by the signature readers; every failure is a XadesError with KSeF's code.
import { fromBase64 } from './bytes';
import { XadesError, type XadesReason } from './errors';
import { DIGEST_ALGORITHMS, NS_DS } from './profile';
import { childElements } from './xml-engine';

export type DigestHash = 'SHA-256' | 'SHA-384' | 'SHA-512';

export function fail(reason: XadesReason, detail: string): never {
  throw new XadesError(reason, detail);
}

export function only(parent: Element, ns: string, name: string, reason: XadesReason, required = true): Element | null {
  const found = childElements(parent).filter((el) => el.namespaceURI === ns && el.localName === name);
  if (found.length > 1) fail(reason, `${parent.localName} has ${found.length} ${name} elements, expected one`);
  if (required && found.length === 0) fail(reason, `${parent.localName} has no ${name}`);
  return found[0] ?? null;
}

export function text(el: Element): string {
  return (el.textContent ?? '').trim();
}

export function base64Of(el: Element, what: string): Uint8Array<ArrayBuffer> {
  const bytes = fromBase64(el.textContent ?? '');
  if (!bytes || bytes.length === 0) fail('SIGNATURE_STRUCTURE', `${what} is not base64`);
  return bytes;
}

export function digestAlgorithmOf(parent: Element, what: string): DigestHash {
  const method = only(parent, NS_DS, 'DigestMethod', 'SIGNATURE_STRUCTURE')!;
  const uri = method.getAttribute('Algorithm') ?? '';
  const hash = DIGEST_ALGORITHMS[uri];
  // SHA-1 lands here: DEMO and production reject it with 9105 (NOTES §3.4).
  if (!hash) fail('ALGORITHM', `${what} uses digest algorithm "${uri}", only SHA-256/384/512 are accepted`);
  return hash;
}
