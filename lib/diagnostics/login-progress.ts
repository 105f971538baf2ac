// How far a login got, so verifyProfile can put a failure on the right step: no challenge yet → the
// connection; challenge but no accepted signature → the signature (9105, 21115); after that → the login.
import type { KsefClient } from '../ksef';

export type LoginProgress = { challenge: boolean; submitted: boolean };

/** The same client, noting how far a login got, so a failure can be put on the right step. */
export function trackLogin(client: KsefClient, progress: LoginProgress): KsefClient {
  const auth = client.auth;
  return {
    ...client,
    auth: {
      ...auth,
      challenge: async (...args: Parameters<typeof auth.challenge>) => {
        const result = await auth.challenge(...args);
        progress.challenge = true;
        return result;
      },
      submitXades: async (...args: Parameters<typeof auth.submitXades>) => {
        const result = await auth.submitXades(...args);
        progress.submitted = true;
        return result;
      },
    },
  };
}

