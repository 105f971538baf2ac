// Invoice files: in the background, oldest first, within the download budget (NOTES §7.3, §9: 64 an hour,
// shared with the user's own downloads); and on demand when the user opens an invoice.
import type { Profile } from '../store';
import { SyncError } from './errors';
import type { SyncDeps } from './types';

/** Files per background run; the budget check (`allow`) usually stops earlier. */
export const XML_PER_RUN = 16;

/** 21164: no such invoice; 21165: stored but not downloadable yet (NOTES §7.3): try later, skip for now. */
function isNotReady(error: unknown): boolean {
  const e = error as { name?: unknown; exceptionCodes?: unknown; code?: unknown };
  if (e?.name !== 'KsefError') return false;
  if (e.code === 'HASH_MISMATCH') return true;
  return Array.isArray(e.exceptionCodes) && (e.exceptionCodes.includes(21164) || e.exceptionCodes.includes(21165));
}

function isRateLimited(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown };
  return e?.name === 'KsefError' && e.code === 'RATE_LIMITED';
}

/**
 * Downloads up to `max` missing files, oldest first, while `allow()` says the budget has room. Stops quietly
 * at a rate limit (the next run continues); skips files KSeF cannot give yet. Returns how many were stored.
 */
export async function downloadPendingXml(
  deps: Pick<SyncDeps, 'store' | 'client' | 'session'>,
  profile: Profile,
  options: { max?: number; allow?: () => boolean } = {},
): Promise<number> {
  const max = options.max ?? XML_PER_RUN;
  const queue = await deps.store.nextXmlToDownload(profile.id, max);
  let saved = 0;
  for (const record of queue) {
    if (options.allow && !options.allow()) break;
    let file;
    try {
      const token = await deps.session.getAccessToken();
      file = await deps.client.invoices.download(record.metadata.ksefNumber, token, {
        expectedHash: record.metadata.invoiceHash,
      });
    } catch (error) {
      if (isRateLimited(error)) break;
      if (isNotReady(error)) continue;
      throw error;
    }
    await deps.store.saveInvoiceXml(profile.id, record.ksefNumber, { xml: file.xml, xmlHash: file.hash });
    saved += 1;
  }
  return saved;
}

/** The file of one invoice: from the store, or downloaded now and stored (the inbox's "open", issue 7). */
export async function fetchInvoiceXml(
  deps: Pick<SyncDeps, 'store' | 'client' | 'session'>,
  profileId: string,
  ksefNumber: string,
): Promise<string> {
  const stored = await deps.store.getInvoiceXml(profileId, ksefNumber);
  if (stored !== undefined) return stored;
  const record = await deps.store.getInvoice(profileId, ksefNumber);
  if (!record) throw new SyncError('INVOICE_NOT_FOUND');
  const token = await deps.session.getAccessToken();
  const file = await deps.client.invoices.download(record.metadata.ksefNumber, token, {
    expectedHash: record.metadata.invoiceHash,
  });
  await deps.store.saveInvoiceXml(profileId, record.ksefNumber, { xml: file.xml, xmlHash: file.hash });
  return file.xml;
}
