// Online (interactive) sessions (NOTES §8): the AES key arrives RSA-OAEP-wrapped with the simulator's key,
// each invoice arrives AES-256-CBC encrypted; the simulator really decrypts, checks and numbers them, and
// issues UPOs. Status codes and texts are those of openapi.json's session and invoice status tables.
import { createDecipheriv } from 'node:crypto';
import { requireAccess } from './access';
import { badRequest } from './errors';
import { FA3_FORM_CODE, readFa3, sameFormCode, type Fa3Facts } from './fa3';
import { json, type SimRequest, type SimResponse } from './http';
import { isValidNip, newKsefNumber, newReferenceNumber } from './ids';
import { sha256Base64, type StoredInvoice } from './invoices';
import { rsaOaepDecrypt } from './keys';
import { capMap, type OnlineSession, type SessionInvoice, type SimState, type StatusInfo } from './state';
import { iso, warsawDate } from './time';
import { upoXml, type UpoDocument } from './upo';
import { validateFa3Xsd } from './xsd';

const WRITE = ['InvoiceWrite', 'PefInvoiceWrite', 'EnforcementOperations'];
const READ = ['InvoiceWrite', 'Introspection', 'PefInvoiceWrite', 'EnforcementOperations'];
const MAX_INVOICES_PER_SESSION = 10_000;
const MAX_SESSIONS = 10_000;
/** After receipt: KSeF number, then permanent storage (always later, NOTES §7.2). */
const ACQUISITION_DELAY_MS = 100;
const STORAGE_DELAY_MS = 300;
const DOWNLOAD_LINK_TTL_MS = 60 * 60_000;

const SESSION_STATUS = {
  open: { code: 100, description: 'Sesja interaktywna otwarta' },
  closed: { code: 170, description: 'Sesja interaktywna zamknięta' },
  processed: { code: 200, description: 'Sesja interaktywna przetworzona pomyślnie' },
  keyError: { code: 415, description: 'Błąd odszyfrowania dostarczonego klucza' },
  noInvoices: { code: 440, description: 'Sesja anulowana', details: ['Nie przesłano faktur'] },
  noValidInvoices: { code: 445, description: 'Błąd weryfikacji, brak poprawnych faktur' },
} as const;

const INVOICE_STATUS = {
  processing: { code: 150, description: 'Trwa przetwarzanie' },
  success: { code: 200, description: 'Sukces' },
  scope: (details: string[]): StatusInfo => ({ code: 410, description: 'Nieprawidłowy zakres uprawnień', details }),
  file: (details: string[]): StatusInfo => ({ code: 430, description: 'Błąd weryfikacji pliku faktury', details }),
  decryption: { code: 435, description: 'Błąd odszyfrowania pliku' },
  semantic: (details: string[]): StatusInfo => ({ code: 450, description: 'Błąd weryfikacji semantyki dokumentu faktury', details }),
} as const;

function sessionOf(state: SimState, ref: string, context: { type: string; value: string }): OnlineSession {
  const session = state.sessions.get(ref);
  if (!session || session.context.type !== context.type || session.context.value !== context.value) {
    throw badRequest(21173, [`Sesja o numerze referencyjnym ${ref} nie została odnaleziona.`]);
  }
  // A session not closed within its lifetime is closed by KSeF (openapi.json SessionStatusResponse.validUntil).
  if (!session.closed && session.status.code === 100 && state.clock.now() > session.validUntil) finish(state, session);
  return session;
}

function upoHeader(state: SimState, session: OnlineSession) {
  return { environment: state.options.environment, sessionReferenceNumber: session.referenceNumber, context: session.context, authProof: session.authProof };
}

function upoDocument(inv: StoredInvoice): UpoDocument {
  return {
    sellerNip: inv.facts.sellerNip,
    ksefNumber: inv.ksefNumber,
    invoiceNumber: inv.facts.invoiceNumber,
    issueDate: inv.facts.issueDate,
    invoicingDate: inv.invoicingDate,
    acquisitionDate: inv.acquisitionDate,
    invoiceHash: inv.invoiceHash,
    invoicingMode: inv.invoicingMode,
  };
}

/** Closing (or expiry): the final status, the collective UPO pages, and the AES key wiped. */
function finish(state: SimState, session: OnlineSession): void {
  const now = state.clock.now();
  session.closed = true;
  session.dateUpdated = now;
  session.pendingPolls = state.options.sessionPendingPolls;
  session.aesKey?.fill(0);
  session.aesKey = null;
  const stored = session.invoices
    .filter((i) => i.ksefNumber)
    .map((i) => state.invoices.get(i.ksefNumber as string))
    .filter((i): i is StoredInvoice => i !== undefined);
  if (session.status.code !== 100) return;
  if (session.invoices.length === 0) session.status = SESSION_STATUS.noInvoices;
  else if (stored.length === 0) session.status = SESSION_STATUS.noValidInvoices;
  else session.status = SESSION_STATUS.processed;
  const size = state.options.upoPageSize;
  const count = Math.ceil(stored.length / size);
  for (let page = 0; page < count; page++) {
    const docs = stored.slice(page * size, (page + 1) * size).map(upoDocument);
    session.upoPages.push({
      referenceNumber: newReferenceNumber('EU', now, state.rng),
      xml: upoXml(upoHeader(state, session), docs, { number: page + 1, count, from: page * size + 1, total: stored.length }),
    });
  }
}

/** The status a poll sees: 170 for the first polls after closing, then the outcome. */
function visibleStatus(session: OnlineSession): StatusInfo {
  if (session.closed && session.pendingPolls > 0 && session.status.code !== 415) return SESSION_STATUS.closed;
  return session.status;
}

function downloadLink(state: SimState, content: string): { url: string; expires: number } {
  const now = state.clock.now();
  const id = state.rng.hex(32).toLowerCase();
  const expires = now + DOWNLOAD_LINK_TTL_MS;
  state.downloads.set(id, { content, expires });
  capMap(state.downloads, 10_000);
  const se = encodeURIComponent(iso(expires));
  return { url: `${state.origin}/storage/upo/${id}?sv=2025-05-05&se=${se}&sr=b&sp=r&sig=${state.rng.hex(43)}`, expires };
}

export async function openOnlineSession(req: SimRequest, state: SimState): Promise<SimResponse> {
  const { claims, context } = requireAccess(req, state, WRITE);
  const body = req.json as { formCode: OnlineSession['formCode']; encryption: { encryptedSymmetricKey: string; initializationVector: string; publicKeyId?: string | null } };
  if (!sameFormCode(body.formCode, FA3_FORM_CODE)) {
    throw badRequest(21405, [`Nieobsługiwany schemat ${body.formCode.systemCode} ${body.formCode.schemaVersion} ${body.formCode.value}; symulator przyjmuje FA (3) 1-0E FA.`]);
  }
  const keyId = body.encryption.publicKeyId;
  const key = state.keys.find((k) => k.usage === 'SymmetricKeyEncryption' && (!keyId || k.publicKeyId === keyId));
  if (!key) throw badRequest(21470, [`Klucz o identyfikatorze ${keyId} nie jest wspierany.`]);
  const iv = Buffer.from(body.encryption.initializationVector, 'base64');
  if (iv.length !== 16) throw badRequest(21405, ['initializationVector musi mieć 16 bajtów.']);
  const unwrapped = await rsaOaepDecrypt(key, Buffer.from(body.encryption.encryptedSymmetricKey, 'base64'));
  const aesKey = unwrapped && unwrapped.length === 32 ? Buffer.from(unwrapped) : null;
  unwrapped?.fill(0);
  const now = state.clock.now();
  const op = state.authOperations.get(claims.ref);
  const session: OnlineSession = {
    referenceNumber: newReferenceNumber('SO', now, state.rng),
    context,
    authReferenceNumber: claims.ref,
    authProof: op?.authProof ?? { element: 'SkrotDokumentuUwierzytelniajacego', value: sha256Base64(new Uint8Array()) },
    formCode: body.formCode,
    aesKey,
    iv,
    status: aesKey ? SESSION_STATUS.open : SESSION_STATUS.keyError,
    dateCreated: now,
    dateUpdated: now,
    validUntil: now + state.options.sessionTtlMs,
    closed: false,
    pendingPolls: 0,
    invoices: [],
    upoPages: [],
  };
  state.sessions.set(session.referenceNumber, session);
  capMap(state.sessions, MAX_SESSIONS);
  return json(201, { referenceNumber: session.referenceNumber, validUntil: iso(session.validUntil) });
}

function decrypt(session: OnlineSession, data: Buffer): Buffer | null {
  if (!session.aesKey) return null;
  try {
    const decipher = createDecipheriv('aes-256-cbc', session.aesKey, session.iv);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    return null;
  }
}

/** Everything KSeF checks about one decrypted invoice (NOTES §8.4), in KSeF's order of severity. */
async function judge(state: SimState, session: OnlineSession, plain: Buffer, declared: { invoiceHash: string; invoiceSize: number }): Promise<{ outcome: SessionInvoice['outcome']; facts?: Fa3Facts }> {
  if (plain.length !== declared.invoiceSize) return { outcome: INVOICE_STATUS.file([`Rozmiar faktury (${plain.length} B) nie zgadza się z invoiceSize (${declared.invoiceSize} B).`]) };
  if (sha256Base64(plain) !== declared.invoiceHash) return { outcome: INVOICE_STATUS.file(['Skrót treści nie zgadza się ze skrótem pliku (invoiceHash).']) };
  const read = readFa3(plain);
  if (!read.ok) return { outcome: INVOICE_STATUS.file(read.details) };
  const facts = read.facts;
  if (!sameFormCode(facts.formCode, session.formCode)) {
    return { outcome: INVOICE_STATUS.file([`Kod formularza faktury (${facts.formCode.systemCode}) nie zgadza się ze schematem sesji (${session.formCode.systemCode}).`]) };
  }
  if (state.options.xsdValidation === 'auto') {
    const xsd = await validateFa3Xsd(plain);
    if (xsd.errors.length > 0) return { outcome: INVOICE_STATUS.file(xsd.errors) };
  }
  if (session.context.type !== 'Nip' || facts.sellerNip !== session.context.value) {
    return { outcome: INVOICE_STATUS.scope([`NIP sprzedawcy (Podmiot1) ${facts.sellerNip} nie jest zgodny z kontekstem ${session.context.value}.`]) };
  }
  if (facts.issueDate > warsawDate(state.clock.now())) {
    return { outcome: INVOICE_STATUS.semantic(['Data wystawienia faktury (P_1) nie może być późniejsza niż data jej przyjęcia.']) };
  }
  if (state.options.environment === 'production') {
    const buyerNip = facts.buyer.identifier.type === 'Nip' ? facts.buyer.identifier.value : null;
    const bad = [facts.sellerNip, buyerNip].filter((n): n is string => n !== null && !isValidNip(n));
    if (bad.length > 0) return { outcome: INVOICE_STATUS.semantic([`Nieprawidłowa suma kontrolna NIP: ${bad.join(', ')}.`]) };
  }
  const original = state.invoices.findDuplicate(facts);
  if (original) {
    return {
      outcome: {
        code: 440,
        description: 'Duplikat faktury',
        details: [`Faktura o numerze ${facts.invoiceNumber} została już przyjęta w KSeF jako ${original.ksefNumber}.`],
        extensions: { originalSessionReferenceNumber: original.sessionReferenceNumber, originalKsefNumber: original.ksefNumber },
      },
    };
  }
  return { outcome: INVOICE_STATUS.success, facts };
}

export async function sendInvoice(req: SimRequest, state: SimState): Promise<SimResponse> {
  const { context } = requireAccess(req, state, WRITE);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  if (session.closed || session.status.code !== 100) throw badRequest(21180, [`Status sesji ${visibleStatus(session).code} uniemożliwia wysyłkę faktur.`]);
  const body = req.json as { invoiceHash: string; invoiceSize: number; encryptedInvoiceHash: string; encryptedInvoiceSize: number; encryptedInvoiceContent: string; offlineMode?: boolean };
  const encrypted = Buffer.from(body.encryptedInvoiceContent, 'base64');
  if (encrypted.length !== body.encryptedInvoiceSize) throw badRequest(21402, ['Długość treści nie zgadza się z rozmiarem pliku.']);
  if (sha256Base64(encrypted) !== body.encryptedInvoiceHash) throw badRequest(21403, ['Skrót treści nie zgadza się ze skrótem pliku.']);
  if (session.invoices.length >= MAX_INVOICES_PER_SESSION) {
    throw badRequest(21155, [`Sesja o numerze referencyjnym ${session.referenceNumber} osiągnęła dozwolony limit liczby faktur ${MAX_INVOICES_PER_SESSION}.`]);
  }
  const now = state.clock.now();
  const plain = decrypt(session, encrypted);
  const { outcome, facts } = plain ? await judge(state, session, plain, body) : { outcome: INVOICE_STATUS.decryption, facts: undefined };
  const invoicingMode = body.offlineMode ? 'Offline' : 'Online';
  const entry: SessionInvoice = {
    referenceNumber: newReferenceNumber('EE', now, state.rng),
    ordinalNumber: session.invoices.length + 1,
    invoiceHash: body.invoiceHash,
    invoicingDate: now,
    invoicingMode,
    outcome,
    pendingPolls: state.options.invoicePendingPolls,
    invoiceNumber: facts?.invoiceNumber ?? null,
    ksefNumber: null,
  };
  if (facts && plain && outcome.code === 200) {
    const acquisitionDate = now + ACQUISITION_DELAY_MS;
    entry.ksefNumber = newKsefNumber(facts.sellerNip, acquisitionDate, state.rng);
    state.invoices.add({
      ksefNumber: entry.ksefNumber,
      xml: new Uint8Array(plain),
      invoiceHash: body.invoiceHash,
      facts,
      invoicingDate: now,
      acquisitionDate,
      permanentStorageDate: now + STORAGE_DELAY_MS,
      invoicingMode,
      sessionReferenceNumber: session.referenceNumber,
    });
  }
  session.invoices.push(entry);
  session.dateUpdated = now;
  return json(202, { referenceNumber: entry.referenceNumber });
}

export function closeSession(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, WRITE);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  if (session.closed || session.status.code !== 100) throw badRequest(21180, [`Status sesji ${visibleStatus(session).code} uniemożliwia jej zamknięcie.`]);
  finish(state, session);
  return { status: 204 };
}

export function getSession(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, READ);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  const status = visibleStatus(session);
  if (session.pendingPolls > 0) session.pendingPolls -= 1;
  const final = session.invoices.filter((i) => i.outcome.code !== 150);
  const pages =
    status.code === 200
      ? session.upoPages.map((p) => {
          const link = downloadLink(state, p.xml);
          return { referenceNumber: p.referenceNumber, downloadUrl: link.url, downloadUrlExpirationDate: iso(link.expires) };
        })
      : null;
  return json(200, {
    status,
    dateCreated: iso(session.dateCreated),
    dateUpdated: iso(session.dateUpdated),
    validUntil: iso(session.validUntil),
    upo: pages ? { pages } : null,
    invoiceCount: session.invoices.length,
    successfulInvoiceCount: final.filter((i) => i.outcome.code === 200).length,
    failedInvoiceCount: final.filter((i) => i.outcome.code !== 200).length,
  });
}

function invoiceOf(state: SimState, session: OnlineSession, ref: string): SessionInvoice {
  const entry = session.invoices.find((i) => i.referenceNumber === ref);
  if (!entry) throw badRequest(21405, [`Faktura o numerze referencyjnym ${ref} nie została znaleziona w sesji ${session.referenceNumber}.`]);
  return entry;
}

/** An invoice's outcome shows after its pending polls, or at once when its session is processed. */
const revealed = (session: OnlineSession, entry: SessionInvoice): boolean => entry.pendingPolls <= 0 || (session.closed && session.pendingPolls <= 0);

function invoiceUpo(state: SimState, session: OnlineSession, entry: SessionInvoice): string | null {
  const stored = entry.ksefNumber && revealed(session, entry) ? state.invoices.get(entry.ksefNumber) : undefined;
  return stored ? upoXml(upoHeader(state, session), [upoDocument(stored)]) : null;
}

export function getSessionInvoice(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, READ);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  const entry = invoiceOf(state, session, req.params.invoiceReferenceNumber ?? '');
  const show = revealed(session, entry);
  if (entry.pendingPolls > 0) entry.pendingPolls -= 1;
  const stored = show && entry.ksefNumber ? state.invoices.get(entry.ksefNumber) : undefined;
  const now = state.clock.now();
  const upo = stored ? invoiceUpo(state, session, entry) : null;
  const link = upo ? downloadLink(state, upo) : null;
  return json(200, {
    ordinalNumber: entry.ordinalNumber,
    invoiceNumber: entry.invoiceNumber,
    ksefNumber: stored?.ksefNumber ?? null,
    referenceNumber: entry.referenceNumber,
    invoiceHash: entry.invoiceHash,
    acquisitionDate: stored ? iso(stored.acquisitionDate) : null,
    invoicingDate: iso(entry.invoicingDate),
    permanentStorageDate: stored && stored.permanentStorageDate <= now ? iso(stored.permanentStorageDate) : null,
    upoDownloadUrl: link?.url ?? null,
    upoDownloadUrlExpirationDate: link ? iso(link.expires) : null,
    invoicingMode: entry.invoicingMode,
    status: show ? entry.outcome : INVOICE_STATUS.processing,
  });
}

const xmlWithHash = (xml: string): SimResponse => ({ status: 200, xml, headers: { 'x-ms-meta-hash': sha256Base64(Buffer.from(xml, 'utf8')) } });

export function getInvoiceUpo(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, READ);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  const entry = invoiceOf(state, session, req.params.invoiceReferenceNumber ?? '');
  const upo = invoiceUpo(state, session, entry);
  if (!upo) throw badRequest(21178, [`UPO dla faktury ${entry.referenceNumber} w sesji ${session.referenceNumber} nie zostało znalezione.`]);
  return xmlWithHash(upo);
}

export function getInvoiceUpoByKsefNumber(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, READ);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  const ksefNumber = req.params.ksefNumber ?? '';
  const entry = session.invoices.find((i) => i.ksefNumber === ksefNumber);
  const upo = entry ? invoiceUpo(state, session, entry) : null;
  if (!upo) throw badRequest(21178, [`UPO o numerze KSeF ${ksefNumber} i numerze referencyjnym sesji ${session.referenceNumber} nie zostało znalezione.`]);
  return xmlWithHash(upo);
}

export function getSessionUpo(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, READ);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  const ref = req.params.upoReferenceNumber ?? '';
  const page = visibleStatus(session).code === 200 ? session.upoPages.find((p) => p.referenceNumber === ref) : undefined;
  if (!page) throw badRequest(21178, [`UPO o numerze referencyjnym ${ref} dla sesji ${session.referenceNumber} nie zostało znalezione.`]);
  return xmlWithHash(page.xml);
}
