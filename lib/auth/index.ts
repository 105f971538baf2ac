// lib/auth: the login session of one profile. login.ts' flows are reached through the session, which adds
// token storage and the shared in-flight promise. Only what other modules use is exported; tests import the files.
export { createAuthSession } from './auth-session';
export type { AuthSession } from './auth-session';
export type { AuthTokenSigner } from './login';
export { createMemoryTokenStore, storedTokensSchema } from './token-store';
export type { StoredTokens } from './token-store';
export type { TokenStore } from './token-store';
export { checkPermissions } from './permissions';
export {
  ksefTargetOf,
  loginContextOf,
  whyTokensAreStale,
  syncStateInContext,
  describeLoginContext,
} from './login-context';
export type { LoginContextKey, LoginOwner } from './login-context';
export { endKsefSession } from './end-session';
