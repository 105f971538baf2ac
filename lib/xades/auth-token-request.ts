// The AuthTokenRequest document of schemat_auth_v2-0.xsd (NOTES §3.3), written as text.
import { NS_AUTH_2_0 } from './profile';
import { XadesError } from './errors';

export type ContextIdentifierType = 'Nip' | 'InternalId' | 'NipVatUe' | 'PeppolId';
/** What we sign for; PeppolId contexts are for Peppol providers, not for this extension's users. */
export type SignableContextIdentifierType = Exclude<ContextIdentifierType, 'PeppolId'>;
export type SubjectIdentifierType = 'certificateSubject' | 'certificateFingerprint';

export interface ContextIdentifier<T extends ContextIdentifierType = ContextIdentifierType> {
  type: T;
  value: string;
}

export interface AuthTokenRequestFields {
  challenge: string;
  contextIdentifier: ContextIdentifier;
  subjectIdentifierType: SubjectIdentifierType;
}

export const CHALLENGE_PATTERN = /^\d{8}-CR-[A-F0-9]{10}-[A-F0-9]{10}-[A-F0-9]{2}$/;
const NIP = '[1-9]((\\d[1-9])|([1-9]\\d))\\d{7}';
const VAT_UE =
  '((AT)(U\\d{8})|(BE)([01]{1}\\d{9})|(BG)(\\d{9,10})|(CY)(\\d{8}[A-Z])|(CZ)(\\d{8,10})|(DE)(\\d{9})|(DK)(\\d{8})|' +
  '(EE)(\\d{9})|(EL)(\\d{9})|(ES)([A-Z]\\d{8}|\\d{8}[A-Z]|[A-Z]\\d{7}[A-Z])|(FI)(\\d{8})|(FR)[A-Z0-9]{2}\\d{9}|' +
  '(HR)(\\d{11})|(HU)(\\d{8})|(IE)(\\d{7}[A-Z]{2}|\\d[A-Z0-9+*]\\d{5}[A-Z])|(IT)(\\d{11})|(LT)(\\d{9}|\\d{12})|' +
  '(LU)(\\d{8})|(LV)(\\d{11})|(MT)(\\d{8})|(NL)([A-Z0-9+*]{12})|(PT)(\\d{9})|(RO)(\\d{2,10})|(SE)(\\d{12})|' +
  '(SI)(\\d{8})|(SK)(\\d{10})|(XI)((\\d{9}|(\\d{12}))|(GD|HA)(\\d{3})))';

/**
 * The XSD's patterns, anchored. The 2.0 XSD writes `^…$` around PeppolId and after NipVatUe; strict XSD
 * regex engines (libxml2) read those as literal characters, KSeF's .NET validator as anchors. We follow
 * KSeF: anchors (NOTES §3.3 describes the same trap for the IP patterns).
 */
export const CONTEXT_IDENTIFIER_PATTERNS: Readonly<Record<ContextIdentifierType, RegExp>> = {
  Nip: new RegExp(`^${NIP}$`),
  InternalId: new RegExp(`^${NIP}-\\d{5}$`),
  NipVatUe: new RegExp(`^${NIP}-${VAT_UE}$`),
  PeppolId: /^P[A-Z]{2}[0-9]{6}$/,
};

export const SUBJECT_IDENTIFIER_TYPES: readonly SubjectIdentifierType[] = ['certificateSubject', 'certificateFingerprint'];
const SIGNABLE_TYPES: readonly SignableContextIdentifierType[] = ['Nip', 'InternalId', 'NipVatUe'];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Checks what signAuthTokenRequest was given: TypeError for wrong types, XadesError 21401 for wrong values. */
export function checkRequestFields(fields: {
  challenge: unknown;
  contextIdentifier: unknown;
  subjectIdentifierType: unknown;
}): asserts fields is AuthTokenRequestFields {
  const { challenge, contextIdentifier, subjectIdentifierType } = fields;
  if (typeof challenge !== 'string') throw new TypeError('"challenge" must be a string');
  if (!CHALLENGE_PATTERN.test(challenge)) {
    throw new XadesError('CHALLENGE', `challenge "${challenge}" does not match ${CHALLENGE_PATTERN.source}`);
  }
  const ctx = contextIdentifier as Partial<ContextIdentifier> | null;
  if (typeof ctx !== 'object' || ctx === null || typeof ctx.value !== 'string') {
    throw new TypeError('"contextIdentifier" must be an object { type, value } with a string value');
  }
  if (!SIGNABLE_TYPES.includes(ctx.type as SignableContextIdentifierType)) {
    throw new TypeError(`"contextIdentifier.type" must be one of ${SIGNABLE_TYPES.join(', ')}`);
  }
  const type = ctx.type as SignableContextIdentifierType;
  if (!CONTEXT_IDENTIFIER_PATTERNS[type].test(ctx.value)) {
    throw new XadesError('CONTEXT_IDENTIFIER', `${type} "${ctx.value}" does not match the schema's pattern`, {
      type,
      value: ctx.value,
    });
  }
  if (!SUBJECT_IDENTIFIER_TYPES.includes(subjectIdentifierType as SubjectIdentifierType)) {
    throw new TypeError(`"subjectIdentifierType" must be one of ${SUBJECT_IDENTIFIER_TYPES.join(', ')}`);
  }
}

/**
 * The unsigned document, element order as the XSD's sequence, no whitespace between elements (nothing that a
 * proxy or a pretty-printer could "fix" later). `closingTag` marks where the enveloped signature goes.
 */
export function buildAuthTokenRequest(fields: AuthTokenRequestFields): { xml: string; closingTag: string } {
  const { challenge, contextIdentifier: ctx, subjectIdentifierType } = fields;
  const closingTag = '</AuthTokenRequest>';
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<AuthTokenRequest xmlns="${NS_AUTH_2_0}">` +
    `<Challenge>${escapeXml(challenge)}</Challenge>` +
    `<ContextIdentifier><${ctx.type}>${escapeXml(ctx.value)}</${ctx.type}></ContextIdentifier>` +
    `<SubjectIdentifierType>${subjectIdentifierType}</SubjectIdentifierType>` +
    closingTag;
  return { xml, closingTag };
}
