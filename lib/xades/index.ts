// lib/xades: the AuthTokenRequest signed in the browser (XAdES-BES, enveloped) and its verifier.
// The XML engine (xml-engine.ts), the readers and the template stay private: callers need only the two
// functions and their types; the errors are in errors.ts.
export { signAuthTokenRequest } from './sign';
export { verifyXadesSignature } from './verify';
export type { VerifyXadesOptions, XadesVerification } from './verify';
