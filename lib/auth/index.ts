// lib/auth: the login session of one profile. login.ts' flows are reached through the session, which adds
// token storage and the shared in-flight promise; they are exported for the diagnostics "test login" only.
export { createAuthSession } from './session';
export type { AuthCredentials, AuthSession, AuthSessionOptions } from './session';
export { loginWithCertificate, loginWithKsefToken, DEFAULT_POLL_DELAYS_MS, SIGNING_TIME_BACKDATE_MS } from './login';
export type { AuthTokenSigner, LoginContext, LoginContextIdentifier, SignAuthTokenRequestInput } from './login';
export { AuthError, isAuthError, authErrorMessage, AUTH_ERROR_CODES } from './errors';
export type { AuthErrorCode } from './errors';
export { authStatusError, submitError } from './diagnostics';
export type { StatusFacts } from './diagnostics';
export { createMemoryTokenStore, StoredTokens } from './token-store';
export type { MemoryTokenStore, TokenStore } from './token-store';
export { decodeJwtClaims, jwtExpiresAt, claimList } from './jwt';
export type { JwtClaims } from './jwt';
export { checkPermissions } from './permissions';
export type { PermissionCheck } from './permissions';
export { encryptKsefToken } from './ksef-token';
export {
  ksefTargetOf,
  loginContextOf,
  sameLoginContext,
  belongsToContext,
  whyTokensAreStale,
  syncStateInContext,
  describeLoginContext,
} from './login-context';
export type { LoginContextKey, LoginOwner, StaleTokensReason } from './login-context';
export { endKsefSession, END_SESSION_TIMEOUT_MS } from './end-session';
export type { EndSessionCode, EndSessionDeps, EndSessionOutcome } from './end-session';
