// The AuthTokenRequest fields, checked as schemat_auth_v2-0.xsd (and 2.1) would check them (NOTES §3.3).
// The XSD has no slot for ds:Signature: it is set aside before these checks, as KSeF does.
import {
  CHALLENGE_PATTERN,
  CONTEXT_IDENTIFIER_PATTERNS,
  SUBJECT_IDENTIFIER_TYPES,
  type AuthTokenRequestFields,
  type ContextIdentifierType,
  type SubjectIdentifierType,
} from './auth-token-request';
import { XadesError } from './errors';
import { NS_AUTH_2_0, NS_AUTH_2_1 } from './profile';
import { childElements } from './xml-engine';

export interface AuthorizationPolicy {
  ip4Addresses: string[];
  ip4Ranges: string[];
  ip4Masks: string[];
}

export interface AuthTokenRequestContent extends AuthTokenRequestFields {
  namespace: string;
  authorizationPolicy?: AuthorizationPolicy;
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const CONTEXT_TYPES = Object.keys(CONTEXT_IDENTIFIER_PATTERNS) as ContextIdentifierType[];

// IP patterns per namespace: 2.0 as KSeF's .NET regex engine reads them (\b is a word boundary there),
// 2.1 as rewritten by MF to be valid XSD regex (NOTES §3.3).
const IP4 = '((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const IP4_20 = '((25[0-5]|(2[0-4]|1\\d|[1-9]|)\\d)\\.?\\b){4}';
const IP_PATTERNS: Record<string, Record<'Ip4Address' | 'Ip4Range' | 'Ip4Mask', RegExp>> = {
  [NS_AUTH_2_0]: {
    Ip4Address: new RegExp(`^${IP4_20}$`),
    Ip4Range: new RegExp(`^${IP4_20}-${IP4_20}$`),
    Ip4Mask: new RegExp(`^${IP4_20}\\/(0|[1-9]|1[0-9]|2[0-9]|3[0-2])$`),
  },
  [NS_AUTH_2_1]: {
    Ip4Address: new RegExp(`^${IP4}$`),
    Ip4Range: new RegExp(`^${IP4}-${IP4}$`),
    Ip4Mask: new RegExp(`^${IP4}/(0|[1-9]|[12][0-9]|3[0-2])$`),
  },
};

function schema(detail: string): XadesError {
  return new XadesError('SCHEMA', detail);
}

/** xsd:token's whitespace facet: collapse. */
function token(el: Element): string {
  return (el.textContent ?? '').replace(/[\t\n\r ]+/g, ' ').trim();
}

function checkAttributes(el: Element): void {
  for (let i = 0; i < el.attributes.length; i++) {
    const attr = el.attributes.item(i)!;
    if (attr.name === 'xmlns' || attr.prefix === 'xmlns') continue;
    // Schema hints are allowed anywhere; xsi:nil and xsi:type would have to be declared (they are not).
    if (attr.namespaceURI === XSI && (attr.localName === 'schemaLocation' || attr.localName === 'noNamespaceSchemaLocation')) continue;
    throw schema(`attribute "${attr.name}" is not allowed on ${el.localName}`);
  }
}

/** Element-only content: text other than whitespace is not allowed. */
function checkNoText(el: Element): void {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if ((n.nodeType === 3 || n.nodeType === 4) && /[^\t\n\r ]/.test(n.nodeValue ?? '')) {
      throw schema(`text is not allowed directly in ${el.localName}`);
    }
  }
}

/** Simple content: text only, no child elements. */
function simpleText(el: Element, asToken: boolean): string {
  if (childElements(el).length > 0) throw schema(`${el.localName} must contain text only`);
  return asToken ? token(el) : (el.textContent ?? '');
}

function expect(children: Element[], index: number, ns: string, name: string, parent: string): Element {
  const el = children[index];
  if (!el || el.namespaceURI !== ns || el.localName !== name) {
    const found = el ? `{${el.namespaceURI ?? ''}}${el.localName}` : 'the end of the element';
    throw schema(`${parent}: expected ${name}, found ${found}`);
  }
  checkAttributes(el);
  return el;
}

function readPolicy(el: Element, ns: string): AuthorizationPolicy {
  const policyChildren = childElements(el);
  checkNoText(el);
  const allowed = expect(policyChildren, 0, ns, 'AllowedIps', 'AuthorizationPolicy');
  checkNoText(allowed);
  if (policyChildren.length > 1) throw schema('AuthorizationPolicy: unexpected element after AllowedIps');
  const policy: AuthorizationPolicy = { ip4Addresses: [], ip4Ranges: [], ip4Masks: [] };
  const groups = [['Ip4Address', policy.ip4Addresses], ['Ip4Range', policy.ip4Ranges], ['Ip4Mask', policy.ip4Masks]] as const;
  let group = 0;
  for (const child of childElements(allowed)) {
    while (group < groups.length && child.localName !== groups[group]![0]) group++;
    const entry = groups[group];
    if (!entry || child.namespaceURI !== ns) throw schema(`AllowedIps: unexpected element ${child.localName}`);
    checkAttributes(child);
    const [name, list] = entry;
    const value = simpleText(child, true);
    if (!IP_PATTERNS[ns]![name].test(value)) throw schema(`${name} "${value}" does not match the schema's pattern`);
    if (list.length === 10) throw schema(`AllowedIps: more than 10 ${name} elements`);
    list.push(value);
  }
  return policy;
}

/** Reads the request from `root`, skipping `signature` (its last child); throws XadesError 21401. */
export function readAuthTokenRequest(root: Element, signature: Element | null): AuthTokenRequestContent {
  const ns = root.namespaceURI ?? '';
  if (root.localName !== 'AuthTokenRequest' || (ns !== NS_AUTH_2_0 && ns !== NS_AUTH_2_1)) {
    throw schema(`root element is {${ns}}${root.localName}, expected {${NS_AUTH_2_0}}AuthTokenRequest`);
  }
  checkAttributes(root);
  checkNoText(root);
  const children = childElements(root).filter((el) => el !== signature);

  const challengeEl = expect(children, 0, ns, 'Challenge', 'AuthTokenRequest');
  const challenge = simpleText(challengeEl, true);
  if (!CHALLENGE_PATTERN.test(challenge)) throw new XadesError('CHALLENGE', `Challenge "${challenge}" does not match the schema's pattern`);

  const contextEl = expect(children, 1, ns, 'ContextIdentifier', 'AuthTokenRequest');
  checkNoText(contextEl);
  const contextChildren = childElements(contextEl);
  const idEl = contextChildren[0];
  if (!idEl || idEl.namespaceURI !== ns || !CONTEXT_TYPES.includes(idEl.localName as ContextIdentifierType)) {
    throw schema(`ContextIdentifier must hold one of ${CONTEXT_TYPES.join(', ')}`);
  }
  if (contextChildren.length > 1) throw schema('ContextIdentifier must hold exactly one identifier');
  checkAttributes(idEl);
  const type = idEl.localName as ContextIdentifierType;
  const value = simpleText(idEl, false);
  if (!CONTEXT_IDENTIFIER_PATTERNS[type].test(value)) {
    throw new XadesError('CONTEXT_IDENTIFIER', `${type} "${value}" does not match the schema's pattern`, { type, value });
  }

  const subjectEl = expect(children, 2, ns, 'SubjectIdentifierType', 'AuthTokenRequest');
  const subjectIdentifierType = simpleText(subjectEl, true);
  if (!SUBJECT_IDENTIFIER_TYPES.includes(subjectIdentifierType as SubjectIdentifierType)) {
    throw schema(`SubjectIdentifierType "${subjectIdentifierType}" is not one of ${SUBJECT_IDENTIFIER_TYPES.join(', ')}`);
  }

  const content: AuthTokenRequestContent = {
    namespace: ns,
    challenge,
    contextIdentifier: { type, value },
    subjectIdentifierType: subjectIdentifierType as SubjectIdentifierType,
  };
  if (children.length > 3) {
    content.authorizationPolicy = readPolicy(expect(children, 3, ns, 'AuthorizationPolicy', 'AuthTokenRequest'), ns);
  }
  if (children.length > 4) throw schema(`AuthTokenRequest: unexpected element ${children[4]!.localName}`);
  return content;
}
