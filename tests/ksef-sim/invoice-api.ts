// HTTP handlers over the invoice repository: the metadata query (NOTES §7.1) and single download (NOTES §7.3).
import { requireAccess } from './access';
import { badRequest } from './errors';
import { json, type SimRequest, type SimResponse } from './http';
import { isValidKsefNumber } from './ids';
import { canSee, queryMetadata, type InvoiceQueryFilters, type QueryPage } from './invoices';
import type { SimState } from './state';

function pageOf(query: URLSearchParams): QueryPage {
  const pageOffset = Number(query.get('pageOffset') ?? 0);
  const pageSize = Number(query.get('pageSize') ?? 10);
  const sortOrder = query.get('sortOrder') ?? 'Asc';
  if (!Number.isInteger(pageOffset) || pageOffset < 0) throw badRequest(21405, ['pageOffset musi być liczbą całkowitą ≥ 0.']);
  if (!Number.isInteger(pageSize) || pageSize < 10 || pageSize > 250) throw badRequest(21405, ['pageSize musi być liczbą całkowitą od 10 do 250.']);
  if (sortOrder !== 'Asc' && sortOrder !== 'Desc') throw badRequest(21405, ['sortOrder musi mieć wartość Asc lub Desc.']);
  return { pageOffset, pageSize, sortOrder };
}

export function postQueryMetadata(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, ['InvoiceRead']);
  const page = pageOf(req.query);
  const now = state.clock.now();
  const filters = req.json as InvoiceQueryFilters;
  return json(200, queryMetadata(state.invoices, filters, page, context.value, now, now - state.hwmLagMs, state.options.maxQueryRecords));
}

export function getInvoice(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, ['InvoiceRead']);
  const ksefNumber = req.params.ksefNumber ?? '';
  if (!isValidKsefNumber(ksefNumber)) throw badRequest(21405, [`Numer KSeF ${ksefNumber} jest nieprawidłowy (format lub suma kontrolna).`]);
  const invoice = state.invoices.get(ksefNumber);
  // Someone else's invoice is as absent as a missing one: KSeF does not confirm that it exists.
  if (!invoice || !canSee(invoice, context.value)) throw badRequest(21164, [`Faktura o numerze KSeF ${ksefNumber} nie została znaleziona.`]);
  if (invoice.permanentStorageDate > state.clock.now()) {
    throw badRequest(21165, [`Faktura o numerze KSeF ${ksefNumber} została przetworzona, ale nie jest jeszcze dostępna do pobrania. Spróbuj ponownie później.`]);
  }
  return { status: 200, xml: Buffer.from(invoice.xml).toString('utf8'), headers: { 'x-ms-meta-hash': invoice.invoiceHash } };
}
