// Downloaded invoice XML lives in its own store (`invoiceXml`), apart from the records the lists page
// through, so a page of the inbox never reads files (issue 5). The record keeps `hasXml` for the queue.
import { transact, type StoreContext } from './context';
import { StoreError } from './errors';
import { invoiceKey, type InvoiceRecord } from './invoice-record';

export function invoiceXmlFunctions({ db, now }: StoreContext) {
  /**
   * Stores the downloaded XML in `invoiceXml` and flags the record, in one transaction; the invoice leaves the
   * download queue. Returns the updated record (without the XML).
   */
  async function saveInvoiceXml(
    profileId: string,
    ksefNumber: string,
    download: { xml: string; xmlHash?: string },
  ): Promise<InvoiceRecord> {
    const key = invoiceKey(profileId, ksefNumber);
    if (typeof download?.xml !== 'string' || download.xml === '') {
      throw new TypeError('"xml" must be a non-empty string');
    }
    if (download.xmlHash !== undefined && typeof download.xmlHash !== 'string') {
      throw new TypeError('"xmlHash" must be a string');
    }
    const fetchedAt = now().toISOString();
    return transact(await db(), ['invoices', 'invoiceXml'], 'readwrite', async (tx) => {
      const record = await tx.objectStore('invoices').get(key);
      if (!record) throw new StoreError('NOT_FOUND', `saveInvoiceXml: no invoice ${key[1]} in profile "${profileId}"`);
      const next: InvoiceRecord = { ...record, hasXml: 1, xmlFetchedAt: fetchedAt };
      if (download.xmlHash !== undefined) next.xmlHash = download.xmlHash;
      else delete next.xmlHash;
      await Promise.all([
        tx.objectStore('invoices').put(next),
        tx.objectStore('invoiceXml').put({ profileId: key[0], ksefNumber: key[1], xml: download.xml }),
      ]);
      return next;
    });
  }

  /** The downloaded XML of one invoice, or undefined when it was not downloaded yet. */
  async function getInvoiceXml(profileId: string, ksefNumber: string): Promise<string | undefined> {
    return (await (await db()).get('invoiceXml', invoiceKey(profileId, ksefNumber)))?.xml;
  }

  return { saveInvoiceXml, getInvoiceXml };
}
