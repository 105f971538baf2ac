// After the session is closed: its status polled with back-off until KSeF has processed it (NOTES §8.3:
// 100 open, 170 closed, then 200/440/445/415), then ONE list of the session's invoices gives every item's
// outcome (GET /sessions/{ref}/invoices), written in one transaction. Polls stay far inside KSeF's budgets
// (sessionMisc 120/min, sessionInvoiceList 20/min, NOTES §9); a poll that outlasts the run's inline wait ends
// the run with `until`.
import type { UpoPage } from '../../ksef/schemas';
import type { OutboxItem, SendDeps } from '../types';
import { patchForStatus } from './outcome';
import { callKsef, DEFAULT_MAX_INLINE_WAIT_MS, Wait, waitingError } from './waits';

type Summary = Omit<OutboxItem, 'xml'>;
const POLL_FIRST_MS = 500;
const POLL_MAX_MS = 10_000;
const NOT_FINAL = new Set([100, 170]);

/** Polls one closed session until final; returns its UPO pages (status 200) or [] (no UPO: 440, 445, 415). */
export async function awaitSession(deps: SendDeps, sessionRef: string): Promise<UpoPage[]> {
  const cap = deps.maxInlineWaitMs ?? DEFAULT_MAX_INLINE_WAIT_MS;
  let delay = POLL_FIRST_MS;
  let waited = 0;
  for (;;) {
    const status = await callKsef(deps, (token) => deps.client.sessions.status(sessionRef, token));
    if (!NOT_FINAL.has(status.status.code)) {
      await deps.store.updateSendSession(sessionRef, { status: { code: status.status.code, description: status.status.description.slice(0, 2000) } });
      return status.status.code === 200 ? (status.upo?.pages ?? []) : [];
    }
    if (waited + delay > cap) {
      const until = deps.clock.now() + delay;
      throw new Wait(until, waitingError(until), false);
    }
    await deps.clock.sleep(delay);
    waited += delay;
    delay = Math.min(POLL_MAX_MS, delay * 2);
  }
}

/** Outcomes of the `sent` items of one processed session; true when every one is final. */
export async function applyOutcomes(deps: SendDeps, sessionRef: string, sent: readonly Summary[]): Promise<boolean> {
  const page = await callKsef(deps, (token) => deps.client.sessions.listInvoices(sessionRef, token));
  const byRef = new Map(page.invoices.map((entry) => [entry.referenceNumber, entry]));
  const changes = [];
  for (const item of sent) {
    const entry = item.invoiceRef ? byRef.get(item.invoiceRef) : undefined;
    const patch = entry ? patchForStatus(item, entry) : null;
    if (patch) changes.push({ id: item.id, patch });
  }
  if (changes.length > 0) await deps.store.updateOutboxItems(changes);
  return changes.length === sent.length;
}
