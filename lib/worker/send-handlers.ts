// The pages' send requests (Sending §2). `sendInvoices` re-checks what the worker must trust (size, seller
// NIP = the profile's, not already sent: lib/send/check's rules without the XSD), stores the files `queued` in
// ONE transaction, answers, and then runs the engine; the page may close at once.
import { SendError } from '../send/errors';
import type { Request } from '../messages';
import type { Store } from '../store/store';
import type { HeavyWork } from './heavy';
import type { SendRunner } from './send-runner';

type Of<K extends Request['type']> = Extract<Request, { type: K }>;

export function createSendHandlers(store: Store, runner: SendRunner, now: () => Date, heavy: Pick<HeavyWork, 'checkSendFile'>) {
  return {
    sendInvoices: async ({ profileId, files }: Of<'sendInvoices'>) => {
      const profile = await store.getProfile(profileId);
      if (!profile) throw new SendError('PROFILE_NOT_FOUND');
      const checked = [];
      for (const file of files) {
        // The same rules as the send view's check, earlier sends included (the outbox and the invoices KSeF already
        // holds from sync); the XML parser runs where HeavyWork does (issue 15).
        const result = await heavy.checkSendFile({ profileId, fileName: file.fileName, xml: file.xml, now: now().toISOString() });
        if (!result.ok || !result.facts) {
          const reason = result.codes.join(', ') || 'NOT_XML';
          throw new SendError('FILE_REFUSED', { fileName: file.fileName.slice(0, 200), reason });
        }
        checked.push({ fileName: file.fileName, xml: file.xml, facts: result.facts });
      }
      const batchId = crypto.randomUUID();
      const items = await store.queueOutboxBatch(profileId, batchId, checked);
      void runner.runSend(profileId).catch(() => undefined);
      return { batchId, itemIds: items.map((i) => i.id) };
    },

    removeOutboxItem: async ({ itemId }: Of<'removeOutboxItem'>) => {
      const item = await store.getOutboxItem(itemId);
      if (!item) throw new SendError('ITEM_NOT_FOUND');
      if (item.step !== 'rejected' && item.step !== 'failed') throw new SendError('NOT_REMOVABLE');
      await store.deleteOutboxItem(itemId);
      return null;
    },

    retryOutboxItem: async ({ itemId }: Of<'retryOutboxItem'>) => {
      const item = await store.getOutboxItem(itemId);
      if (!item) throw new SendError('ITEM_NOT_FOUND');
      if (item.step !== 'failed') throw new SendError('NOT_RETRYABLE');
      // Back to where its fate is still open: a posted invoice is looked up in its session before any new POST.
      const step = item.invoiceRef ? 'sent' : item.sessionRef ? 'sending' : 'queued';
      await store.updateOutboxItem(itemId, { step, error: undefined, attempts: undefined, ksefStatus: undefined, notified: undefined, unfinished: item.createdAt });
      void runner.runSend(item.profileId).catch(() => undefined);
      return null;
    },
  };
}
