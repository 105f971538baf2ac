// The admin API outside /v2 (for tests and the demo): invoices from FA(3) templates, grants, KSeF tokens, the
// clock, the high-water-mark lag, faults, rate limits and the request log; sending hooks in admin-sessions.ts.
// The same operations are available in-process (startSimulator().admin) and over HTTP (admin-http.ts).
import { GRANTABLE_PERMISSIONS, permissionsFor } from './access';
import { createSessionAdmin } from './admin-sessions';
import { issueTokensDirectly } from './auth-tokens';
import { createCertificateAdmin } from './certificates-admin';
import { readFa3, type Fa3Facts } from './fa3';
import type { FaultRule, FaultSpec } from './faults';
import { newKsefNumber, newReferenceNumber, newUuid } from './ids';
import { latarniaAdmin } from './latarnia';
import { generateInvoiceXml, type InvoiceTemplateInput } from './invoice-templates';
import { sha256Base64, toMetadata, type StoredInvoice } from './invoices';
import type { BlockPolicy, RateLimitTable } from './rate-limits';
import type { ContextIdentifier, Grant, Identity, RequestLogEntry, SimState } from './state';
import { iso, parseKsefDateTime, warsawDate } from './time';

export type DateInput = string | number | Date;

export interface AddInvoiceInput extends Partial<InvoiceTemplateInput> {
  /** A complete FA(3) document instead of a template (its parties then come from the XML). */
  xml?: string;
  /** When the invoice was permanently stored; default now. Earlier dates follow 100 ms apart unless given. */
  permanentStorageDate?: DateInput;
  acquisitionDate?: DateInput;
  invoicingDate?: DateInput;
  invoicingMode?: 'Online' | 'Offline';
}

export interface AddInvoicesInput extends AddInvoiceInput {
  /** How many invoices (1…50 000); numbers get a running suffix. */
  count: number;
  /** Permanent storage dates of consecutive invoices are this far apart (default 1000 ms), ending at `permanentStorageDate`. */
  spacingMs?: number;
}

export interface GrantInput {
  /** The context (default type Nip) in which the permissions hold. */
  context: ContextIdentifier | string;
  identity: Identity;
  /** Replaces every earlier grant of this identity in this context; [] removes them. */
  permissions: string[];
  description?: string;
}

const MAX_BULK = 50_000;
const MAX_HWM_LAG_MS = 365 * 86_400_000;

/** Instants the simulator can print as ISO-8601 (years 1970–9999). */
const MAX_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function checkInstant(ms: number, name: string): number {
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_INSTANT) throw new TypeError(`"${name}" must be a date between 1970 and 9999`);
  return ms;
}

function toMs(value: DateInput | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : parseKsefDateTime(String(value));
  if (ms === null || !Number.isFinite(ms)) throw new TypeError(`"${name}" must be a date`);
  return checkInstant(ms, name);
}

function contextOf(value: ContextIdentifier | string): ContextIdentifier {
  if (typeof value === 'string') {
    if (!/^\d{10}$/.test(value)) throw new TypeError('"context" must be a 10-digit NIP or { type, value }');
    return { type: 'Nip', value };
  }
  if (!value || typeof value.type !== 'string' || typeof value.value !== 'string') throw new TypeError('"context" must be { type, value }');
  return { type: value.type, value: value.value };
}

export function createAdminApi(state: SimState) {
  const now = (): number => state.clock.now();

  function datesOf(input: AddInvoiceInput, offsetMs = 0) {
    const permanentStorageDate = (toMs(input.permanentStorageDate, 'permanentStorageDate') ?? now()) - offsetMs;
    const acquisitionDate = (toMs(input.acquisitionDate, 'acquisitionDate') ?? permanentStorageDate - 100) - (input.acquisitionDate ? offsetMs : 0);
    const invoicingDate = (toMs(input.invoicingDate, 'invoicingDate') ?? acquisitionDate - 100) - (input.invoicingDate ? offsetMs : 0);
    return { permanentStorageDate, acquisitionDate, invoicingDate };
  }

  function documentOf(input: AddInvoiceInput): { xml: Uint8Array; facts: Fa3Facts } {
    let text = input.xml;
    if (text === undefined) {
      if (!input.sellerNip || !input.buyerNip) throw new TypeError('"sellerNip" and "buyerNip" are required without "xml"');
      text = generateInvoiceXml(input as InvoiceTemplateInput, state.rng, warsawDate(now()));
    }
    if (typeof text !== 'string') throw new TypeError('"xml" must be a string');
    const xml = new TextEncoder().encode(text);
    const read = readFa3(xml);
    if (!read.ok) throw new TypeError(`"xml" is not an acceptable FA(3) invoice: ${read.details.join(' ')}`);
    return { xml, facts: read.facts };
  }

  function store(xml: Uint8Array, facts: Fa3Facts, dates: ReturnType<typeof datesOf>, mode: 'Online' | 'Offline' | undefined): StoredInvoice {
    if (state.invoices.findDuplicate(facts)) throw new TypeError(`duplicate invoice: seller ${facts.sellerNip}, ${facts.rodzajFaktury} ${facts.invoiceNumber} is already stored`);
    const invoice: StoredInvoice = {
      ksefNumber: newKsefNumber(facts.sellerNip, dates.acquisitionDate, state.rng),
      xml,
      invoiceHash: sha256Base64(xml),
      facts,
      ...dates,
      invoicingMode: mode ?? 'Online',
      sessionReferenceNumber: null,
    };
    state.invoices.add(invoice);
    return invoice;
  }

  return {
    ...createSessionAdmin(state),
    ...createCertificateAdmin(state),
    ...latarniaAdmin(state),

    /** Stores one invoice as if KSeF had accepted it; returns its metadata as the query API shows it. */
    addInvoice(input: AddInvoiceInput): Record<string, unknown> {
      if (!input || typeof input !== 'object') throw new TypeError('"input" must be an object');
      const { xml, facts } = documentOf(input);
      return toMetadata(store(xml, facts, datesOf(input), input.invoicingMode));
    },

    /** Many invoices fast (one template, numbered copies): for paging and truncation tests. */
    addInvoices(input: AddInvoicesInput): { count: number; first: string | null; last: string | null } {
      if (!input || !Number.isInteger(input.count) || input.count < 1 || input.count > MAX_BULK) throw new TypeError(`"count" must be an integer from 1 to ${MAX_BULK}`);
      const spacing = input.spacingMs ?? 1000;
      if (!Number.isFinite(spacing) || spacing < 0) throw new TypeError('"spacingMs" must be ≥ 0');
      const base = documentOf(input);
      const text = new TextDecoder().decode(base.xml);
      const numberTag = `<P_2>${base.facts.invoiceNumber.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</P_2>`;
      if (!text.includes(numberTag)) throw new TypeError('"xml" must contain its P_2 as plain text');
      const keys: string[] = [];
      for (let i = 0; i < input.count; i++) {
        const invoiceNumber = `${base.facts.invoiceNumber}-${String(i + 1).padStart(5, '0')}`;
        const xml = new TextEncoder().encode(text.replace(numberTag, `<P_2>${invoiceNumber.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</P_2>`));
        const facts = { ...base.facts, invoiceNumber };
        keys.push(store(xml, facts, datesOf(input, (input.count - 1 - i) * spacing), input.invoicingMode).ksefNumber);
      }
      return { count: keys.length, first: keys[0] ?? null, last: keys[keys.length - 1] ?? null };
    },

    /** Sets what an identity may do in a context (replacing earlier grants there). */
    setGrants(input: GrantInput): Grant[] {
      if (!input || typeof input !== 'object') throw new TypeError('"input" must be an object');
      const context = contextOf(input.context);
      const identity = input.identity;
      if (!identity || !['Nip', 'Pesel', 'Fingerprint'].includes(identity.type) || typeof identity.value !== 'string' || identity.value.length < 10 || identity.value.length > 64) {
        throw new TypeError('"identity" must be { type: Nip | Pesel | Fingerprint, value }');
      }
      if (!Array.isArray(input.permissions) || !input.permissions.every((p) => (GRANTABLE_PERMISSIONS as readonly string[]).includes(p))) {
        throw new TypeError(`"permissions" must be a list of ${GRANTABLE_PERMISSIONS.join(', ')}`);
      }
      const same = (g: Grant): boolean =>
        g.context.type === context.type && g.context.value === context.value && g.identity.type === identity.type && g.identity.value.toLowerCase() === identity.value.toLowerCase();
      state.grants = state.grants.filter((g) => !same(g));
      const added = [...new Set(input.permissions)].map((permission) => ({
        id: newUuid(state.rng),
        context,
        identity: { type: identity.type, value: identity.value },
        permission,
        description: input.description ?? `Uprawnienie ${permission} nadane w symulatorze`,
        startDate: now(),
      }));
      state.grants.push(...added);
      return added;
    },

    /** Creates a KSeF token for POST /auth/ksef-token (NOTES §5); returns the secret token text. */
    addKsefToken(input: { context: ContextIdentifier | string; permissions: string[] }): { token: string; referenceNumber: string } {
      const context = contextOf(input?.context);
      if (!Array.isArray(input.permissions) || input.permissions.length === 0) throw new TypeError('"permissions" must be a non-empty list');
      const referenceNumber = newReferenceNumber('EC', now(), state.rng);
      const token = `${referenceNumber}|${context.type.toLowerCase()}-${context.value}|${state.rng.hex(64).toLowerCase()}`;
      state.ksefTokens.set(token, { token, referenceNumber, context, permissions: [...input.permissions], revoked: false });
      return { token, referenceNumber };
    },

    /**
     * Tokens for a context without signing anything (tests of other features). Permissions default to what
     * the identity holds (Owner when its NIP is the context NIP), else Owner.
     */
    issueTokens(input: { context: ContextIdentifier | string; identity?: Identity; permissions?: string[] }) {
      const context = contextOf(input?.context);
      const identity = input.identity ?? (context.type === 'Nip' ? { type: 'Nip' as const, value: context.value } : null);
      const permissions = input.permissions ?? (identity ? permissionsFor(state, identity, context) : ['Owner']);
      if (!Array.isArray(permissions)) throw new TypeError('"permissions" must be a list');
      return issueTokensDirectly(state, context, permissions, identity);
    },

    revokeKsefToken(token: string): boolean {
      const record = state.ksefTokens.get(token);
      if (record) record.revoked = true;
      return record !== undefined;
    },

    now: (): string => iso(now()),
    advanceClock(ms: number): string {
      if (!Number.isFinite(ms)) throw new TypeError('"advanceMs" must be a number');
      checkInstant(now() + ms, 'advanceMs');
      return iso(state.clock.advance(ms));
    },
    setClock(to: DateInput): string {
      return iso(state.clock.set(toMs(to, 'set') as number));
    },

    /** How far the high-water mark trails the clock (NOTES §7.2). */
    setHwmLag(ms: number): number {
      if (!Number.isFinite(ms) || ms < 0 || ms > MAX_HWM_LAG_MS) throw new TypeError('"lagMs" must be a number from 0 to 31536000000 (a year)');
      state.hwmLagMs = ms;
      return ms;
    },

    addFault: (spec: FaultSpec): FaultRule => state.faults.add(spec),
    faults: (): FaultRule[] => state.faults.list(),
    clearFaults: (): void => state.faults.clear(),

    configureRateLimits(update: { enabled?: boolean; limits?: Partial<RateLimitTable>; block?: Partial<BlockPolicy>; reset?: boolean }): RateLimitTable {
      if (!update || typeof update !== 'object') throw new TypeError('"update" must be an object');
      state.rateLimiter.configure(update);
      return state.rateLimiter.limits();
    },

    requests: (): RequestLogEntry[] => state.requestLog.map((e) => ({ ...e })),
    clearRequests: (): void => {
      state.requestLog.length = 0;
    },

    /** Metadata of every stored invoice (any context), in storage order. */
    invoices: (): Record<string, unknown>[] => state.invoices.all().map(toMetadata),

    /** The public keys as published, with the ids clients must send. */
    publicKeys: () => state.keys.map(({ privateKey: _secret, ...published }) => published),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
