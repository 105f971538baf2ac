// Everything a running simulator knows, in one object that handlers and the admin API share.
import type { CertificateState, LoginCertificate } from './certificates-model';
import type { SimClock } from './clock';
import type { Faults } from './faults';
import type { InvoiceHooks } from './session-hooks';
import type { InvoiceStore } from './invoices';
import type { SimPublicKey } from './keys';
import type { Rng } from './random';
import type { RateLimiter } from './rate-limits';
import type { VerifyXadesOptions, XadesVerification } from '../../lib/xades';

export type SimEnvironment = 'test' | 'demo' | 'production';

/** lib/xades's verifyXadesSignature, or a stand-in with the same contract. */
export type XadesVerifier = (xml: string, options?: VerifyXadesOptions) => Promise<XadesVerification>;

export interface TokenLifetimes {
  /** The operation token of auth status and redeem (the docs example lives 45 min). */
  authenticationMs: number;
  /** Access tokens (the docs example lives 15 min). */
  accessMs: number;
  /** Refresh tokens: 7 days from redeem, not extended by refreshing (NOTES §3.7). */
  refreshMs: number;
}

export interface ResolvedOptions {
  seed: string | number;
  environment: SimEnvironment;
  /** Issuer DNs (RFC 4514, as CertificateInfo.issuer) accepted in any environment besides the defaults. */
  trustedIssuers: string[];
  tokenLifetimes: TokenLifetimes;
  challengeTtlMs: number;
  sessionTtlMs: number;
  /** How many status polls answer 100 before the outcome of an authentication appears. */
  authPendingPolls: number;
  /** How many status polls answer 150 before the outcome of a sent invoice appears. */
  invoicePendingPolls: number;
  /** How many status polls answer 170 after closing before the session is processed. */
  sessionPendingPolls: number;
  /** Invoices one online session accepts before 21155 (KSeF: 10 000, NOTES §8.4). */
  maxInvoicesPerSession: number;
  /** Invoices per collective UPO page (KSeF: 10 000). */
  upoPageSize: number;
  /** Records one metadata filter set returns at most before `isTruncated` (KSeF: 10 000, NOTES §7.1). */
  maxQueryRecords: number;
  maxBodyBytes: number;
  /** Full FA(3) XSD check with xmllint: 'auto' uses it when installed. */
  xsdValidation: 'auto' | 'off';
}

export type Identity = { type: 'Nip' | 'Pesel' | 'Fingerprint'; value: string };
export type ContextIdentifier = { type: string; value: string };

export interface StatusInfo {
  code: number;
  description: string;
  details?: readonly string[];
}

export interface Challenge {
  challenge: string;
  timestampMs: number;
  used: boolean;
}

export interface AuthOperation {
  referenceNumber: string;
  startDate: number;
  method: string;
  methodInfo: { category: string; code: string; displayName: string };
  context: ContextIdentifier;
  identity: Identity | null;
  permissions: string[];
  outcome: StatusInfo;
  pendingPolls: number;
  redeemed: boolean;
  refreshTokenValidUntil: number | null;
  lastTokenRefreshDate: number | null;
  revoked: boolean;
  authProof: AuthProof;
  /** The certificate of an XAdES login (certificates.ts reads its subject); absent for KSeF-token logins. */
  loginCertificate?: LoginCertificate | null;
}

/** How a UPO names the authentication (upo-v4-3.xsd): the signed document's hash, or the KSeF token's number. */
export type AuthProof =
  | { element: 'SkrotDokumentuUwierzytelniajacego'; value: string }
  | { element: 'NumerReferencyjnyTokenaKSeF'; value: string };

export interface Grant {
  id: string;
  context: ContextIdentifier;
  identity: Identity;
  permission: string;
  description: string;
  startDate: number;
}

export interface KsefTokenRecord {
  token: string;
  referenceNumber: string;
  context: ContextIdentifier;
  permissions: string[];
  revoked: boolean;
}

export interface SessionInvoice {
  referenceNumber: string;
  ordinalNumber: number;
  invoiceHash: string;
  invoicingDate: number;
  invoicingMode: 'Online' | 'Offline';
  outcome: StatusInfo & { extensions?: Record<string, string | null> };
  pendingPolls: number;
  invoiceNumber: string | null;
  ksefNumber: string | null;
}

export interface OnlineSession {
  referenceNumber: string;
  context: ContextIdentifier;
  authReferenceNumber: string;
  authProof: AuthProof;
  /** The access token's permissions when the session was opened (what rule 410 looks at). */
  permissions: string[];
  formCode: { systemCode: string; schemaVersion: string; value: string };
  /** Zeroed once the session is closed; null when the key did not decrypt (status 415). */
  aesKey: Buffer | null;
  iv: Buffer;
  status: StatusInfo;
  dateCreated: number;
  dateUpdated: number;
  validUntil: number;
  closed: boolean;
  pendingPolls: number;
  invoices: SessionInvoice[];
  upoPages: { referenceNumber: string; xml: string }[];
}

export interface RequestLogEntry {
  seq: number;
  method: string;
  path: string;
  status: number;
  time: string;
  fault: string | null;
  /** `METHOD template` as openapi.json spells it (`GET /sessions/{referenceNumber}`); null off the contract. */
  operation: string | null;
}

export interface DownloadLink {
  content: string;
  expires: number;
}

export interface SimState {
  options: ResolvedOptions;
  clock: SimClock;
  rng: Rng;
  tokenSecret: Buffer;
  keys: SimPublicKey[];
  verifyXades: XadesVerifier;
  rateLimiter: RateLimiter;
  faults: Faults;
  invoiceHooks: InvoiceHooks;
  invoices: InvoiceStore;
  challenges: Map<string, Challenge>;
  authOperations: Map<string, AuthOperation>;
  grants: Grant[];
  ksefTokens: Map<string, KsefTokenRecord>;
  sessions: Map<string, OnlineSession>;
  downloads: Map<string, DownloadLink>;
  requestLog: RequestLogEntry[];
  /** KSeF certificates: enrolments, issued certificates, limits (certificates-model.ts). */
  certificates: CertificateState;
  hwmLagMs: number;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  origin: string;
}

/** Drops entries of a map once it holds more than `max` (oldest first): memory stays bounded. */
export function capMap<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done) return;
    map.delete(oldest.value);
  }
}
