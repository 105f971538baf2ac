// The two ways to obtain tokens: a XAdES-signed AuthTokenRequest (certificate) or an encrypted KSeF token.
// Both end the same way: poll the operation until it is final, then redeem exactly once (NOTES §3.1).
import { pickPublicKey, type AuthInitResponse, type Clock, type KsefClient } from '../ksef';
import type { CertificateInfo } from '../pki/types';
import { AuthError } from './errors';
import { authStatusError, submitError } from './diagnostics';
import { encryptKsefToken } from './ksef-token';
import type { StoredTokens } from './token-store';

/** A login context; PeppolId contexts belong to Peppol providers, not to this extension's users. */
export interface LoginContextIdentifier {
  type: 'Nip' | 'InternalId' | 'NipVatUe';
  value: string;
}

export interface SignAuthTokenRequestInput {
  challenge: string;
  contextIdentifier: LoginContextIdentifier;
  subjectIdentifierType: 'certificateSubject' | 'certificateFingerprint';
  certificate: CertificateInfo;
  privateKey: CryptoKey;
  signingTime?: Date;
}

/** lib/xades' `signAuthTokenRequest` by default; injectable so tests can sign without XML. */
export type AuthTokenSigner = (input: SignAuthTokenRequestInput) => Promise<string>;

/**
 * Waits before each status check: about 32 s in all. DEMO and production ask the CA (OCSP/CRL), so the
 * status may stay 100 for a while (NOTES §3.6); a worker must not wait longer inside one job.
 */
export const DEFAULT_POLL_DELAYS_MS: readonly number[] = [500, 1000, 1500, 2000, 3000, 4000, 5000, 5000, 5000, 5000];

/**
 * SigningTime is set a minute back from the session's clock, as the official client does, so a KSeF clock
 * slightly behind ours still sees a past time (NOTES §3.5).
 */
export const SIGNING_TIME_BACKDATE_MS = 60_000;

export interface LoginContext {
  client: KsefClient;
  clock: Clock;
  context: LoginContextIdentifier;
  pollDelaysMs: readonly number[];
}

async function finish(
  ctx: LoginContext,
  init: AuthInitResponse,
  method: StoredTokens['method'],
  certificate?: CertificateInfo,
): Promise<StoredTokens> {
  const operationToken = init.authenticationToken.token;
  for (const delay of ctx.pollDelaysMs) {
    await ctx.clock.sleep(delay);
    const { status } = await ctx.client.auth.status(init.referenceNumber, operationToken);
    if (status.code === 100) continue;
    if (status.code !== 200) {
      throw authStatusError(status, { nip: ctx.context.value, certificate, now: ctx.clock.now() });
    }
    const tokens = await ctx.client.auth.redeem(operationToken);
    return {
      context: { ...ctx.context },
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      referenceNumber: init.referenceNumber,
      method,
    };
  }
  throw new AuthError('LOGIN_PENDING', { nip: ctx.context.value }, { ksefStatus: 100 });
}

export async function loginWithCertificate(
  ctx: LoginContext,
  credentials: { certificate: CertificateInfo; privateKey: CryptoKey },
  signer: AuthTokenSigner,
  options: { verifyCertificateChain?: boolean } = {},
): Promise<StoredTokens> {
  const { challenge } = await ctx.client.auth.challenge();
  // A certificate without NIP/PESEL can only log in by fingerprint, once rights were granted to it (NOTES §4.1).
  const subjectIdentifierType = credentials.certificate.identifier ? 'certificateSubject' : 'certificateFingerprint';
  const signedXml = await signer({
    challenge,
    contextIdentifier: { ...ctx.context },
    subjectIdentifierType,
    certificate: credentials.certificate,
    privateKey: credentials.privateKey,
    signingTime: new Date(ctx.clock.now() - SIGNING_TIME_BACKDATE_MS),
  });
  let init: AuthInitResponse;
  try {
    init = await ctx.client.auth.submitXades(signedXml, options);
  } catch (error) {
    throw submitError(error, ctx.context.value);
  }
  return finish(ctx, init, 'certificate', credentials.certificate);
}

export async function loginWithKsefToken(ctx: LoginContext, ksefToken: string): Promise<StoredTokens> {
  const keys = await ctx.client.security.publicKeyCertificates();
  const key = pickPublicKey(keys, 'KsefTokenEncryption', ctx.clock.now());
  if (!key) throw new AuthError('NO_TOKEN_KEY', { nip: ctx.context.value });
  const { challenge, timestampMs } = await ctx.client.auth.challenge();
  const encryptedToken = await encryptKsefToken(ksefToken, timestampMs, key.certificate);
  let init: AuthInitResponse;
  try {
    init = await ctx.client.auth.submitKsefToken({
      challenge,
      contextIdentifier: { ...ctx.context },
      encryptedToken,
      publicKeyId: key.publicKeyId,
    });
  } catch (error) {
    throw submitError(error, ctx.context.value);
  }
  return finish(ctx, init, 'ksefToken');
}
