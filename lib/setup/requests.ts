// The options page's requests to the worker (lib/messages.ts): after a save, verification, removal.
import type { VerifyReport } from '../diagnostics';
import { sendRequest, type Request } from '../messages';

export type Send = (message: Request) => Promise<unknown>;

/**
 * Tells the worker to reschedule and resync. The store already holds the change, so a worker that is not
 * listening yet picks it up on its next run; the page does not fail the save over it.
 */
export async function notifyProfileSaved(send: Send, profileId: string): Promise<void> {
  await sendRequest({ type: 'profileSaved', profileId }, send).catch(() => undefined);
}

export function verifyProfile(send: Send, profileId: string): Promise<VerifyReport> {
  return sendRequest<VerifyReport>({ type: 'verifyProfile', profileId }, send);
}

/** The worker deletes the profile with its key, tokens and invoices in one transaction, and its alarms. */
export async function deleteProfile(send: Send, profileId: string): Promise<void> {
  await sendRequest({ type: 'deleteProfile', profileId }, send);
}

/** "Pobierz starsze faktury": the worker fetches them without announcing them (lib/worker/older-invoices.ts). */
export function fetchOlderInvoices(send: Send, profileId: string, from: string): Promise<{ stored: number; from: string }> {
  return sendRequest<{ stored: number; from: string }>({ type: 'fetchOlderInvoices', profileId, from }, send);
}
