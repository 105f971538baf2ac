// The UPOs, kept as KSeF sent them (original XML, NOTES §8.3): each accepted invoice's own, and the session's
// collective pages once it is processed. 21178 (not generated yet) is waited out like a transport failure.
import type { UpoPage } from '../../ksef/schemas';
import type { OutboxItem, SendDeps } from '../types';
import { callKsef } from './waits';

type Summary = Omit<OutboxItem, 'xml'>;

export async function fetchInvoiceUpo(deps: SendDeps, item: Summary): Promise<void> {
  if (!item.sessionRef || !item.invoiceRef) return;
  const { sessionRef, invoiceRef } = item;
  const upo = await callKsef(deps, (token) => deps.client.sessions.invoiceUpo(sessionRef, invoiceRef, token));
  await deps.store.updateOutboxItem(item.id, { upoXml: upo.xml, attempts: undefined });
}

/** Every page, then one write: a stop between pages fetches them again (a few requests), never half a UPO. */
export async function fetchSessionUpo(deps: SendDeps, sessionRef: string, pages: readonly UpoPage[]): Promise<void> {
  const xml: string[] = [];
  for (const page of pages) {
    const upo = await callKsef(deps, (token) => deps.client.sessions.upoPage(sessionRef, page.referenceNumber, token));
    xml.push(upo.xml);
  }
  await deps.store.updateSendSession(sessionRef, xml.length > 0 ? { upoXml: xml } : { upoMissing: true });
}
