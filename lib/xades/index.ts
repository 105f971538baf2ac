// lib/xades: the AuthTokenRequest signed in the browser (XAdES-BES, enveloped) and its verifier.
// The XML engine (xml-engine.ts), the readers and the template stay private: callers need only
// the two functions, their types and the errors.
export { signAuthTokenRequest, formatSigningTime } from './sign';
export type { SignAuthTokenRequestOptions } from './sign';
export { verifyXadesSignature, SIGNING_TIME_TOLERANCE_MS } from './verify';
export type { VerifyXadesOptions, XadesVerification } from './verify';
export { XadesError, isXadesError, xadesErrorMessage, KSEF_EXCEPTION_DESCRIPTIONS } from './errors';
export type { XadesErrorCode, XadesReason } from './errors';
export { buildAuthTokenRequest, CHALLENGE_PATTERN, CONTEXT_IDENTIFIER_PATTERNS } from './auth-token-request';
export type {
  AuthTokenRequestFields,
  ContextIdentifier,
  ContextIdentifierType,
  SignableContextIdentifierType,
  SubjectIdentifierType,
} from './auth-token-request';
export type { AuthTokenRequestContent, AuthorizationPolicy } from './request-reader';
export { MAX_DOCUMENT_CHARS } from './profile';
