// createAuthSession with lib/xades' signer as its default: for pages and Node, which may carry the XML signature
// stack. The service worker uses auth-session.ts with its own signer (lib/worker/heavy.ts; issue 15).
import { signAuthTokenRequest } from '../xades';
import { createAuthSession as createSession, type AuthSessionOptions } from './auth-session';

export type { AuthCredentials, AuthSession, AuthSessionOptions } from './auth-session';

export function createAuthSession(options: AuthSessionOptions) {
  if (typeof options !== 'object' || options === null) return createSession(options);
  return createSession({ ...options, signer: options.signer ?? signAuthTokenRequest });
}
