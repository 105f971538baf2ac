// Where a login's tokens live between worker runs. The worker backs this with IndexedDB (lib/store);
// tests use the in-memory one. What is read back is checked with zod (storage is a boundary).
import * as z from 'zod/mini';

function buildStoredTokens() {
  const TokenInfo = z.object({ token: z.string().check(z.minLength(1)), validUntil: z.string() });
  return z.object({
    context: z.object({ type: z.enum(['Nip', 'InternalId', 'NipVatUe', 'PeppolId']), value: z.string() }),
    accessToken: TokenInfo,
    refreshToken: TokenInfo,
    /** Reference number of the auth operation that produced the tokens. */
    referenceNumber: z.string(),
    method: z.enum(['certificate', 'ksefToken']),
  });
}
let storedTokens: ReturnType<typeof buildStoredTokens> | undefined;
/** The schema of stored tokens, built on first use: not on every wake of the worker (issue 15). */
export function storedTokensSchema() {
  return (storedTokens ??= buildStoredTokens());
}
export type StoredTokens = z.infer<ReturnType<typeof storedTokensSchema>>;

export interface TokenStore {
  /**
   * The tokens of this store's login, or null. A store that outlives edits of its profile must not hand back
   * tokens earned for another context or certificate (issue 10; lib/worker's store drops and ends them).
   */
  load(): Promise<unknown>;
  save(tokens: StoredTokens): Promise<void>;
  clear(): Promise<void>;
}

export function createMemoryTokenStore(initial: StoredTokens | null = null) {
  let value: StoredTokens | null = initial === null ? null : structuredClone(initial);
  return {
    load: async () => (value === null ? null : structuredClone(value)),
    save: async (tokens: StoredTokens) => {
      value = structuredClone(tokens);
    },
    clear: async () => {
      value = null;
    },
    /** Synchronous peek, for tests. */
    snapshot: () => (value === null ? null : structuredClone(value)),
  } satisfies TokenStore & { snapshot(): StoredTokens | null };
}

export type MemoryTokenStore = ReturnType<typeof createMemoryTokenStore>;
