// Online (interactive) sessions (NOTES §8): the AES key arrives RSA-OAEP-wrapped with the simulator's key,
// each invoice arrives AES-256-CBC encrypted; the simulator really decrypts, checks (invoice-checks.ts) and
// numbers them. Reading statuses and UPOs is in session-status.ts and session-list.ts.
import { createDecipheriv } from 'node:crypto';
import { requireAccess } from './access';
import { badRequest } from './errors';
import { FA3_FORM_CODE, sameFormCode } from './fa3';
import { json, type SimRequest, type SimResponse } from './http';
import { newKsefNumber, newReferenceNumber } from './ids';
import { judgeInvoice, type Judgement } from './invoice-checks';
import { sha256Base64 } from './invoices';
import { rsaOaepDecrypt } from './keys';
import { forcedOutcome } from './session-hooks';
import { finish, INVOICE_STATUS, SESSION_STATUS, sessionOf, visibleStatus, WRITE } from './session-model';
import { capMap, type OnlineSession, type SessionInvoice, type SimState } from './state';
import { iso } from './time';

const MAX_SESSIONS = 10_000;
/** After receipt: KSeF number, then permanent storage (always later, NOTES §7.2). */
const ACQUISITION_DELAY_MS = 100;
const STORAGE_DELAY_MS = 300;

export async function openOnlineSession(req: SimRequest, state: SimState): Promise<SimResponse> {
  const { claims, context } = requireAccess(req, state, WRITE);
  // The schema was validated by openapi-check (21405); the simulator holds FA (3) only (openapi OpenOnlineSessionRequest.formCode).
  const body = req.json as { formCode: OnlineSession['formCode']; encryption: { encryptedSymmetricKey: string; initializationVector: string; publicKeyId?: string | null } };
  if (!sameFormCode(body.formCode, FA3_FORM_CODE)) {
    throw badRequest(21405, [`Nieobsługiwany schemat ${body.formCode.systemCode} ${body.formCode.schemaVersion} ${body.formCode.value}; symulator przyjmuje FA (3) 1-0E FA.`]);
  }
  // An unknown or withdrawn key id, or one published for another usage, is 21470 (NOTES §8.1).
  const keyId = body.encryption.publicKeyId;
  const key = state.keys.find((k) => k.usage === 'SymmetricKeyEncryption' && (!keyId || k.publicKeyId === keyId));
  if (!key) throw badRequest(21470, [`Klucz o identyfikatorze ${keyId} nie jest wspierany.`]);
  const iv = Buffer.from(body.encryption.initializationVector, 'base64');
  if (iv.length !== 16) throw badRequest(21405, ['initializationVector musi mieć 16 bajtów.']);
  const unwrapped = await rsaOaepDecrypt(key, Buffer.from(body.encryption.encryptedSymmetricKey, 'base64'));
  // A key that does not unwrap to 32 bytes still opens the session, which then shows status 415 (openapi SessionStatusResponse).
  const aesKey = unwrapped && unwrapped.length === 32 ? Buffer.from(unwrapped) : null;
  unwrapped?.fill(0);
  const now = state.clock.now();
  const op = state.authOperations.get(claims.ref);
  const session: OnlineSession = {
    referenceNumber: newReferenceNumber('SO', now, state.rng),
    context,
    authReferenceNumber: claims.ref,
    authProof: op?.authProof ?? { element: 'SkrotDokumentuUwierzytelniajacego', value: sha256Base64(new Uint8Array()) },
    permissions: [...claims.per],
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

export async function sendInvoice(req: SimRequest, state: SimState): Promise<SimResponse> {
  const { context } = requireAccess(req, state, WRITE);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  if (session.closed || session.status.code !== 100) throw badRequest(21180, [`Status sesji ${visibleStatus(session).code} uniemożliwia wysyłkę faktur.`]);
  const body = req.json as { invoiceHash: string; invoiceSize: number; encryptedInvoiceHash: string; encryptedInvoiceSize: number; encryptedInvoiceContent: string; offlineMode?: boolean };
  const encrypted = Buffer.from(body.encryptedInvoiceContent, 'base64');
  if (encrypted.length !== body.encryptedInvoiceSize) throw badRequest(21402, ['Długość treści nie zgadza się z rozmiarem pliku.']);
  if (sha256Base64(encrypted) !== body.encryptedInvoiceHash) throw badRequest(21403, ['Skrót treści nie zgadza się ze skrótem pliku.']);
  const limit = state.options.maxInvoicesPerSession;
  if (session.invoices.length >= limit) throw badRequest(21155, [`Sesja o numerze referencyjnym ${session.referenceNumber} osiągnęła dozwolony limit liczby faktur ${limit}.`]);
  const now = state.clock.now();
  const plain = decrypt(session, encrypted);
  const judged: Judgement = plain ? await judgeInvoice(state, session, plain, body) : { outcome: INVOICE_STATUS.decryption };
  const facts = judged.facts;
  const rule = state.invoiceHooks.take(facts?.invoiceNumber ?? null);
  const outcome = rule?.code !== undefined ? forcedOutcome({ ...rule, code: rule.code }) : judged.outcome;
  const invoicingMode = body.offlineMode ? 'Offline' : 'Online';
  const entry: SessionInvoice = {
    referenceNumber: newReferenceNumber('EE', now, state.rng),
    ordinalNumber: session.invoices.length + 1,
    invoiceHash: body.invoiceHash,
    invoicingDate: now,
    invoicingMode,
    outcome,
    pendingPolls: rule?.pendingPolls ?? state.options.invoicePendingPolls,
    invoiceNumber: facts?.invoiceNumber ?? null,
    ksefNumber: null,
  };
  if (facts && plain && outcome.code === 200) {
    // Numbered at once, so a duplicate sent before this one's status is read is still a duplicate (NOTES §8.4).
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
