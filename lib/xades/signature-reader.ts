// The parts of one ds:Signature, with the profile checks KSeF makes before any cryptography
// (NOTES §3.4): packaging, algorithms, references, qualifying properties.
import { fromBase64 } from './bytes';
import {
  CANONICALIZATION_METHODS,
  NS_DS,
  SIGNATURE_METHODS,
  URI_ENVELOPED,
  URI_SIGNED_PROPERTIES_TYPE,
  type SignatureMethod,
} from './profile';
import { base64Of, digestAlgorithmOf, fail, only, type DigestHash } from './signature-checks';
import { readSignedProperties, type SigningCertificateRef } from './signed-properties-reader';
import { childElements, findElements } from './xml-engine';

export type { SigningCertificateRef };

export interface ReferenceParts {
  uri: string | null;
  type: string | null;
  transforms: string[];
  hash: DigestHash;
}

export interface SignatureParts {
  signatureMethod: SignatureMethod & { uri: string };
  references: ReferenceParts[];
  signatureValue: Uint8Array<ArrayBuffer>;
  /** DER of every KeyInfo/X509Data/X509Certificate, in order. */
  certificates: Uint8Array<ArrayBuffer>[];
  signingTime: Date;
  signingCertificates: SigningCertificateRef[];
}

const ALLOWED_TRANSFORMS = [URI_ENVELOPED, ...CANONICALIZATION_METHODS];
const ID_ATTRIBUTES = ['Id', 'ID', 'id'];

function readReference(ref: Element): ReferenceParts {
  const transforms: string[] = [];
  const transformsEl = only(ref, NS_DS, 'Transforms', 'SIGNATURE_STRUCTURE', false);
  for (const t of transformsEl ? childElements(transformsEl) : []) {
    const uri = t.getAttribute('Algorithm') ?? '';
    if (t.namespaceURI !== NS_DS || t.localName !== 'Transform' || !ALLOWED_TRANSFORMS.includes(uri)) {
      fail('ALGORITHM', `transform "${uri}" is not supported`);
    }
    transforms.push(uri);
  }
  const uri = ref.hasAttribute('URI') ? ref.getAttribute('URI') : null;
  const hash = digestAlgorithmOf(ref, `Reference "${uri}"`);
  base64Of(only(ref, NS_DS, 'DigestValue', 'SIGNATURE_STRUCTURE')!, 'DigestValue');
  return { uri, type: ref.getAttribute('Type'), transforms, hash };
}

function elementById(root: Node, id: string): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 1 && ID_ATTRIBUTES.some((a) => (node as Element).getAttribute(a) === id)) out.push(node as Element);
    for (const child of childElements(node)) stack.push(child);
  }
  return out;
}

function checkUniqueIds(doc: Document): void {
  const seen = new Set<string>();
  const stack: Node[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const a of node.nodeType === 1 ? ID_ATTRIBUTES : []) {
      const value = (node as Element).getAttribute(a);
      if (value === null || value === '') continue;
      // Two elements with one Id let a reference point at one and a verifier at the other (wrapping).
      if (seen.has(value)) fail('REFERENCES', `Id "${value}" appears more than once`);
      seen.add(value);
    }
    for (const child of childElements(node)) stack.push(child);
  }
}

function nameOf(el: Element): string {
  return el.namespaceURI === NS_DS ? el.localName : `{${el.namespaceURI}}${el.localName}`;
}

/** ds:Signature = SignedInfo, SignatureValue, KeyInfo?, Object* (XMLDSig core schema). */
function checkSignatureChildren(children: Element[]): void {
  const names = children.map(nameOf);
  const tail = names.slice(2);
  if (names[0] !== 'SignedInfo' || names[1] !== 'SignatureValue' || tail.some((n, i) => n !== 'Object' && !(i === 0 && n === 'KeyInfo'))) {
    fail('SIGNATURE_STRUCTURE', `ds:Signature children are ${names.join(', ')}; expected SignedInfo, SignatureValue, KeyInfo?, Object*`);
  }
}

function readSignedInfo(signedInfo: Element): { method: SignatureParts['signatureMethod']; references: ReferenceParts[] } {
  const names = childElements(signedInfo).map(nameOf);
  const [c14nName, methodName, ...rest] = names;
  if (c14nName !== 'CanonicalizationMethod' || methodName !== 'SignatureMethod' || rest.length === 0 || rest.some((n) => n !== 'Reference')) {
    const expected = 'expected CanonicalizationMethod, SignatureMethod, Reference+';
    fail('SIGNATURE_STRUCTURE', `SignedInfo children are ${names.join(', ')}; ${expected}`);
  }
  const c14n = only(signedInfo, NS_DS, 'CanonicalizationMethod', 'SIGNATURE_STRUCTURE')!.getAttribute('Algorithm') ?? '';
  if (!CANONICALIZATION_METHODS.includes(c14n)) fail('ALGORITHM', `canonicalization "${c14n}" is not supported`);
  const uri = only(signedInfo, NS_DS, 'SignatureMethod', 'SIGNATURE_STRUCTURE')!.getAttribute('Algorithm') ?? '';
  const method = SIGNATURE_METHODS[uri];
  if (!method) fail('ALGORITHM', `signature method "${uri}" is not accepted (RSA PKCS#1 v1.5 or ECDSA with SHA-2 only)`);
  const references = childElements(signedInfo).filter((el) => nameOf(el) === 'Reference').map(readReference);
  return { method: { ...method, uri }, references };
}

/** Enveloped only: one reference to the whole document, with the enveloped-signature transform (NOTES §3.4). */
function checkPackaging(references: ReferenceParts[]): void {
  const external = references.find((r) => r.uri !== null && r.uri !== '' && !r.uri.startsWith('#'));
  if (external) fail('NOT_ENVELOPED', `reference to "${external.uri}" outside the document: detached signatures are rejected`);
  const whole = references.filter((r) => r.uri === '');
  if (whole.length !== 1) fail('NOT_ENVELOPED', `expected one reference to the whole document (URI=""), found ${whole.length}`);
  if (!whole[0]!.transforms.includes(URI_ENVELOPED)) {
    fail('NOT_ENVELOPED', 'the document reference lacks the enveloped-signature transform');
  }
}

/** Every other reference points inside this signature: the SignedProperties (required) or e.g. KeyInfo. */
function checkInnerReferences(signature: Element, references: ReferenceParts[], signedProperties: Element): void {
  const spRefs = references.filter((r) => r.type === URI_SIGNED_PROPERTIES_TYPE);
  const spId = signedProperties.getAttribute('Id');
  if (spRefs.length !== 1 || !spId || spRefs[0]!.uri !== `#${spId}`) {
    fail('QUALIFYING_PROPERTIES', 'SignedInfo must have one reference of Type SignedProperties to the SignedProperties element');
  }
  for (const r of references) {
    if (r.uri === '') continue;
    if (r.uri === null || !r.uri.startsWith('#') || r.uri.startsWith('#xpointer')) {
      fail('REFERENCES', `reference URI "${r.uri}" is not supported`);
    }
    if (elementById(signature, r.uri.slice(1)).length !== 1) {
      fail('REFERENCES', `element referenced by "${r.uri}" not found in the signature`);
    }
  }
}

function readKeyInfoCertificates(signature: Element): Uint8Array<ArrayBuffer>[] {
  const keyInfo = only(signature, NS_DS, 'KeyInfo', 'CERTIFICATE', false);
  const certificates = (keyInfo ? findElements(keyInfo, NS_DS, 'X509Certificate') : []).map((el) => {
    const der = fromBase64(el.textContent ?? '');
    if (!der || der.length === 0) fail('CERTIFICATE', 'X509Certificate is not base64');
    return der;
  });
  if (certificates.length === 0) fail('CERTIFICATE', 'KeyInfo carries no X509Certificate');
  return certificates;
}

/** Reads and checks `signature` (already known to be the last child of the document's root). */
export function readSignature(signature: Element, doc: Document): SignatureParts {
  checkUniqueIds(doc);
  const children = childElements(signature);
  checkSignatureChildren(children);
  const { method, references } = readSignedInfo(children[0]!);
  checkPackaging(references);
  const { signedProperties, signingTime, refs } = readSignedProperties(signature);
  checkInnerReferences(signature, references, signedProperties);
  return {
    signatureMethod: method,
    references,
    signatureValue: base64Of(children[1]!, 'SignatureValue'),
    certificates: readKeyInfoCertificates(signature),
    signingTime,
    signingCertificates: refs,
  };
}
