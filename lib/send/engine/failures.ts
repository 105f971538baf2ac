// What a failed phase leaves in the outbox (issue 12 Rules): a limit → every pending item of the batch says
// until when it waits (`error.until`) and the run ends; a transport failure → the same with back-off, and after
// MAX_ATTEMPTS in a row the batch's pending items end `failed` (sessionRef kept, so a retry asks KSeF first);
// anything else (a refusal, no key) → the pending items end `failed` with the reason. Logged without content.
import type { Profile } from '../../store/records';
import { isSendError, SendError } from '../errors';
import type { OutboxItem, SendDeps } from '../types';
import { backoffMs, isKsefCode, isTransient, MAX_ATTEMPTS, Wait } from './waits';

type Summary = Omit<OutboxItem, 'xml'>;
type ItemError = NonNullable<OutboxItem['error']>;

export function errorOf(error: unknown): ItemError {
  if (isSendError(error)) return { code: error.code, message: error.message, messageEn: error.messageEn };
  const e = error as { name?: unknown; code?: unknown; status?: unknown; message?: unknown; messageEn?: unknown };
  if (e?.name === 'KsefError' && typeof e.message === 'string') {
    const code = e.code === 'HTTP' && typeof e.status === 'number' ? `HTTP_${e.status}` : String(e.code);
    return { code, message: e.message.slice(0, 2000), ...(typeof e.messageEn === 'string' ? { messageEn: e.messageEn.slice(0, 2000) } : {}) };
  }
  const unexpected = new SendError('UNEXPECTED');
  return { code: 'UNEXPECTED', message: unexpected.message, messageEn: unexpected.messageEn };
}

const owed = (i: Summary) => i.step === 'queued' || i.step === 'sending' || i.step === 'sent' || (i.step === 'accepted' && !i.upoXml && !i.upoMissing);

/** Returns when the batch may go on (epoch ms), or undefined when its pending items were ended. */
export async function recordFailure(deps: SendDeps, profile: Profile, batchId: string, error: unknown): Promise<number | undefined> {
  const items = (await deps.store.listUnfinishedOutbox(profile.id)).filter((i) => i.batchId === batchId && owed(i));
  const now = deps.clock.now();
  await deps.store
    .appendLog({ profileId: profile.id, level: 'warn', code: 'SEND_STOPPED', message: `batch ${batchId}: ${errorOf(error instanceof Wait ? error.error : error).code}` })
    .catch(() => undefined);
  if (error instanceof Wait && !error.transient) {
    const wait = { ...errorOf(error.error), until: new Date(error.until).toISOString() };
    await deps.store.updateOutboxItems(items.map((i) => ({ id: i.id, patch: { error: wait } })));
    return error.until;
  }
  const transient = error instanceof Wait || isTransient(error) || isKsefCode(error, 21178);
  const attempts = Math.max(0, ...items.map((i) => i.attempts ?? 0)) + 1;
  if (transient && attempts < MAX_ATTEMPTS) {
    const until = now + backoffMs(attempts);
    const cause = errorOf(error instanceof Wait ? error.error : error);
    const wait = { ...cause, until: new Date(until).toISOString() };
    await deps.store.updateOutboxItems(items.map((i) => ({ id: i.id, patch: { attempts, error: wait } })));
    return until;
  }
  const final = transient ? errorOf(new SendError('NETWORK')) : errorOf(error);
  await deps.store.updateOutboxItems(
    items.map((i) =>
      i.step === 'accepted'
        ? { id: i.id, patch: { upoMissing: true, attempts: undefined, error: undefined } }
        : { id: i.id, patch: { step: 'failed' as const, attempts: undefined, error: final } },
    ),
  );
  for (const session of await deps.store.listSendSessions(batchId)) {
    if (session.status?.code === 200 && !session.upoXml && !session.upoMissing) await deps.store.updateSendSession(session.sessionRef, { upoMissing: true });
  }
  return undefined;
}

