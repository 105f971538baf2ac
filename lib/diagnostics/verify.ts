// "Weryfikuj certyfikat": the local checks, a real login (challenge → signature → status → redeem), then the
// permissions to view and to issue invoices, each step with its outcome and, on failure, a verdict.
// The worker wires the verifyProfile message to this function with its own client and session factories.
import { checkPermissions, type AuthSession } from '../auth';
import type { KsefClient, SystemWarning } from '../ksef';
import { certificateEnvironment } from '../domain/environments';
import { checkCertificate } from '../pki/check';
import type { Credentials, Profile, Store } from '../store';
import { diagnose } from './diagnose';
import type { DiagnosisContext } from './context';
import { findingVerdict } from './findings';
import { catalogVerdict, type Verdict } from './verdict';
import { permissionList } from './format';
import { connectionVerdict, isConnectionFailure } from './connection';
import { trackLogin, type LoginProgress } from './login-progress';

export const VERIFY_STEPS = ['certificate', 'challenge', 'signature', 'login', 'read', 'send'] as const;
export type VerifyStepId = (typeof VERIFY_STEPS)[number];
export type VerifyStepStatus = 'ok' | 'failed' | 'skipped' | 'warning';

export interface VerifyStep {
  id: VerifyStepId;
  status: VerifyStepStatus;
  verdict?: Verdict;
}

export interface VerifyReport {
  profileId: string;
  /** No step failed (warnings allowed). */
  ok: boolean;
  steps: VerifyStep[];
  permissions?: { canReadInvoices: boolean; canSendInvoices: boolean; isOwner: boolean; permissions: string[] };
  /** KSeF's `X-System-Warning` notices met during the check, each once (systemWarningVerdict words them). */
  warnings?: SystemWarning[];
  checkedAt: string;
}

export interface VerifyDeps {
  store: Pick<Store, 'getProfile' | 'getCredentials'> & Partial<Pick<Store, 'appendLog'>>;
  createClient: (profile: Profile) => KsefClient;
  createSession: (profile: Profile, credentials: Credentials, client: KsefClient) => AuthSession;
  now: () => Date;
  /** KSeF's announced break (lib/worker/availability.ts), asked only after a connection failed. */
  announcedOutage?: (profile: Profile) => Promise<unknown>;
}

function checkDeps(deps: VerifyDeps, profileId: string): void {
  if (typeof deps !== 'object' || deps === null) throw new TypeError('"deps" must be an object');
  if (typeof deps.store?.getProfile !== 'function' || typeof deps.store.getCredentials !== 'function') {
    throw new TypeError('"deps.store" must be a Store');
  }
  for (const name of ['createClient', 'createSession', 'now'] as const) {
    if (typeof deps[name] !== 'function') throw new TypeError(`"deps.${name}" must be a function`);
  }
  if (typeof profileId !== 'string' || profileId.length === 0) throw new TypeError('"profileId" must be a non-empty string');
}

export async function verifyProfile(deps: VerifyDeps, profileId: string): Promise<VerifyReport> {
  checkDeps(deps, profileId);
  const steps: VerifyStep[] = [];
  const warnings: SystemWarning[] = [];
  const report = (permissions?: VerifyReport['permissions']): VerifyReport => {
    const done = new Set(steps.map((s) => s.id));
    for (const id of VERIFY_STEPS) if (!done.has(id)) steps.push({ id, status: 'skipped' });
    steps.sort((a, b) => VERIFY_STEPS.indexOf(a.id) - VERIFY_STEPS.indexOf(b.id));
    const failed = steps.find((s) => s.status === 'failed');
    // The outcome in the activity log (options.html?view=log), which the report points to; codes only, no secret.
    void deps.store.appendLog?.({ profileId, level: failed ? 'warn' : 'info', code: failed ? 'VERIFY_FAILED' : 'VERIFY_OK', message: failed ? `${failed.id}: ${failed.verdict?.code ?? ''}` : 'all steps passed' }).catch(() => undefined);
    return {
      profileId,
      ok: !failed,
      steps,
      ...(permissions ? { permissions } : {}),
      ...(warnings.length ? { warnings } : {}),
      checkedAt: deps.now().toISOString(),
    };
  };

  const profile = await deps.store.getProfile(profileId);
  const credentials = profile ? await deps.store.getCredentials(profileId) : undefined;
  if (!profile || !credentials) {
    steps.push({ id: 'certificate', status: 'failed', verdict: catalogVerdict(profile ? 'NO_CREDENTIALS' : 'PROFILE_NOT_FOUND', 'error', {}) });
    return report();
  }
  const cert = credentials.certificate;
  const ctx: DiagnosisContext = {
    organizationNip: profile.nip,
    environment: profile.environment,
    identifier: cert.identifier,
    fingerprint: cert.fingerprintSha256,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  };

  // The simulator takes any of TEST's rules, so no environment finding is made for it.
  const environment = certificateEnvironment(profile.environment);
  const findings = checkCertificate(cert, { now: deps.now(), organizationNip: profile.nip, environment });
  const worst = findings.find((f) => f.severity === 'error') ?? findings[0];
  if (worst?.severity === 'error') {
    steps.push({ id: 'certificate', status: 'failed', verdict: findingVerdict(worst) });
    return report();
  }
  steps.push(worst ? { id: 'certificate', status: 'warning', verdict: findingVerdict(worst) } : { id: 'certificate', status: 'ok' });

  /**
   * KSeF could not be reached, or answered as a service that is down, at whichever step (a login kept from
   * earlier makes the permission check the first request): the connection step carries it and every later
   * step is skipped, so nobody goes to fix permissions for a network fault (issue 16, review B3).
   */
  const connectionFailed = async (error: unknown): Promise<VerifyReport> => {
    steps.length = 0;
    steps.push(worst ? { id: 'certificate', status: 'warning', verdict: findingVerdict(worst) } : { id: 'certificate', status: 'ok' });
    const outage = deps.announcedOutage ? await deps.announcedOutage(profile).catch(() => null) : null;
    steps.push({ id: 'challenge', status: 'failed', verdict: connectionVerdict(error, outage, profileId) });
    return report();
  };

  const progress: LoginProgress = { challenge: false, submitted: false };
  let client: KsefClient;
  let accessToken: string;
  try {
    client = trackLogin(deps.createClient(profile), progress);
    client.onSystemWarning((w) => {
      if (!warnings.some((o) => o.code === w.code && o.message === w.message)) warnings.push(w);
    });
    accessToken = await deps.createSession(profile, credentials, client).getAccessToken();
  } catch (error) {
    if (isConnectionFailure(error)) return connectionFailed(error);
    const verdict = diagnose(error, ctx);
    const failedAt: VerifyStepId = !progress.challenge ? 'challenge' : !progress.submitted ? 'signature' : 'login';
    for (const id of ['challenge', 'signature', 'login'] as const) {
      if (id === failedAt) break;
      steps.push({ id, status: 'ok' });
    }
    steps.push({ id: failedAt, status: 'failed', verdict });
    return report();
  }
  if (progress.challenge) {
    steps.push({ id: 'challenge', status: 'ok' }, { id: 'signature', status: 'ok' }, { id: 'login', status: 'ok' });
  } else {
    // A login from earlier is still valid; no new challenge was signed, and that is no failure. The connection is
    // proven by the permissions query below (a failure there to reach KSeF goes to connectionFailed).
    steps.push({ id: 'challenge', status: 'ok' }, { id: 'signature', status: 'skipped' });
    steps.push({ id: 'login', status: 'ok', verdict: catalogVerdict('LOGIN_REUSED', 'info', {}) });
  }

  let permissions: VerifyReport['permissions'];
  try {
    const check = await checkPermissions({ client, accessToken });
    permissions = {
      canReadInvoices: check.canReadInvoices,
      canSendInvoices: check.canSendInvoices,
      isOwner: check.isOwner,
      permissions: check.permissions,
    };
  } catch (error) {
    if (isConnectionFailure(error)) return connectionFailed(error);
    steps.push({ id: 'read', status: 'failed', verdict: diagnose(error, ctx) });
    return report();
  }

  steps.push(permissions.canReadInvoices ? { id: 'read', status: 'ok' } : await confirmRead(client, accessToken, ctx, deps.now()));
  steps.push(
    permissions.canSendInvoices
      ? { id: 'send', status: 'ok' }
      : {
          id: 'send',
          status: 'warning',
          verdict: catalogVerdict('NO_SEND_PERMISSION', 'warning', { present: permissions.permissions }, (lang) => ({
            present: permissionList(lang, permissions.permissions),
            organizationNip: profile.nip,
          })),
        },
  );
  return report(permissions);
}

/**
 * The grants say "no InvoiceRead": ask for one day of metadata to be sure (NOTES §6 "just call the operation").
 * KSeF's 403 names the required and present permissions; a success means the grants list was incomplete.
 */
async function confirmRead(client: KsefClient, accessToken: string, ctx: DiagnosisContext, now: Date): Promise<VerifyStep> {
  try {
    const from = new Date(now.getTime() - 24 * 3600_000).toISOString();
    await client.invoices.queryMetadata(
      { subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from } },
      { pageOffset: 0, pageSize: 10 },
      accessToken,
    );
    return { id: 'read', status: 'ok' };
  } catch (error) {
    return { id: 'read', status: 'failed', verdict: diagnose(error, ctx) };
  }
}
