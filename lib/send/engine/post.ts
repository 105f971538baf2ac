// Posting the batch's invoices, one at a time (issue 12 Rules): `sending` with the session is written BEFORE
// the POST and `sent` with KSeF's reference AFTER it, so a worker stopped at any await finds either a queued
// item (post it) or a sending one, whose fate it asks KSeF first (GET /sessions/{ref}/invoices, matched by
// invoiceHash): nothing is sent twice. Only one invoice's plaintext is held at a time (encryptInvoice).
import type { Profile } from '../../store/records';
import { SendError } from '../errors';
import type { OutboxItem, SendDeps } from '../types';
import { encryptInvoice } from './crypto';
import { MAX_SESSIONS_PER_RUN, openSession, usableSession, type OpenSession } from './session';
import { errorOf } from './failures';
import { callKsef, isKsefCode } from './waits';

type Summary = Omit<OutboxItem, 'xml'>;

export interface PostState {
  session?: OpenSession;
  opened: number;
}

/** The session's entry for this invoice, if KSeF holds it (RELIABILITY G7: ask before sending again). */
async function heldBySession(deps: SendDeps, sessionRef: string, invoiceHash: string) {
  try {
    const page = await callKsef(deps, (token) => deps.client.sessions.listInvoices(sessionRef, token));
    return page.invoices.find((entry) => entry.invoiceHash === invoiceHash);
  } catch (error) {
    // 21173: KSeF does not know the session (never opened for us): it holds nothing.
    if (isKsefCode(error, 21173)) return undefined;
    throw error;
  }
}

async function sessionFor(deps: SendDeps, profile: Profile, batchId: string, state: PostState): Promise<OpenSession> {
  if (state.session) return state.session;
  state.session = await usableSession(deps, batchId);
  if (state.session) return state.session;
  if (state.opened >= MAX_SESSIONS_PER_RUN) throw new SendError('KSEF_REFUSED', { reason: 'session' });
  state.opened += 1;
  state.session = await openSession(deps, profile, batchId);
  return state.session;
}

/** Posts one queued or sending item; returns when it is `sent` (or moved back to `queued` for a new session). */
export async function postItem(deps: SendDeps, profile: Profile, item: Summary, state: PostState): Promise<void> {
  if (item.step === 'sending' && item.sessionRef) {
    const held = await heldBySession(deps, item.sessionRef, item.facts.sha256Base64);
    if (held) {
      await deps.store.updateOutboxItem(item.id, { step: 'sent', invoiceRef: held.referenceNumber, ordinalNumber: held.ordinalNumber, attempts: undefined, error: undefined });
      return;
    }
  }
  const session = await sessionFor(deps, profile, item.batchId, state);
  await deps.store.updateOutboxItem(item.id, { step: 'sending', sessionRef: session.sessionRef, error: undefined });
  const stored = await deps.store.getOutboxItem(item.id);
  if (!stored) throw new SendError('ITEM_NOT_FOUND');
  const request = await encryptInvoice(session.aesKey, session.iv, stored.xml);
  let answer;
  try {
    answer = await callKsef(deps, (token) => deps.client.sessions.sendInvoice(session.sessionRef, request, token));
  } catch (error) {
    // The session is over for us (closed, unknown, full, or its key undecryptable): KSeF refused the invoice
    // unread (400), so it goes back to the queue for a new session.
    if (isKsefCode(error, 21180, 21173, 21155)) {
      await deps.store.updateSendSession(session.sessionRef, { full: true });
      await deps.store.updateOutboxItem(item.id, { step: 'queued', sessionRef: undefined });
      state.session = undefined;
      return;
    }
    // Any other 400 is about this invoice's request (21402 size, 21403 hash, 21405 input): it ends failed alone.
    if ((error as { name?: unknown; status?: unknown })?.name === 'KsefError' && (error as { status?: unknown }).status === 400) {
      await deps.store.updateOutboxItem(item.id, { step: 'failed', error: errorOf(error) });
      return;
    }
    throw error;
  }
  await deps.store.updateOutboxItem(item.id, { step: 'sent', invoiceRef: answer.referenceNumber, attempts: undefined });
}
