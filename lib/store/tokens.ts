// The access and refresh tokens of a profile's KSeF session (NOTES §3.7). Secrets: never logged, only kept here.
import { checkId, parseForWrite, type StoreContext } from './context';
import { readChecked, writeForProfile } from './record-access';
import { tokensSchema, type Tokens, type TokensInput } from './records';

export function tokenFunctions({ db, now }: StoreContext) {
  /** Replaces the profile's tokens. The profile must exist. */
  async function saveTokens(profileId: string, input: TokensInput): Promise<Tokens> {
    checkId('profileId', profileId);
    if (typeof input !== 'object' || input === null) throw new TypeError('"tokens" must be an object');
    const record = parseForWrite(tokensSchema, { ...input, profileId, updatedAt: now().toISOString() }, 'saveTokens');
    await writeForProfile(await db(), 'tokens', record, 'saveTokens');
    return record;
  }

  async function getTokens(profileId: string): Promise<Tokens | undefined> {
    checkId('profileId', profileId);
    return readChecked(await db(), 'tokens', profileId, tokensSchema, `getTokens "${profileId}"`);
  }

  async function clearTokens(profileId: string): Promise<void> {
    checkId('profileId', profileId);
    await (await db()).delete('tokens', profileId);
  }

  return { saveTokens, getTokens, clearTokens };
}
