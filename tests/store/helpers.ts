// Shared builders for the store tests: a fresh fake-indexeddb per test, a fixed clock, and KSeF-shaped data.
import { IDBFactory } from 'fake-indexeddb';
import type { CertificateInfo } from '../../lib/pki';
import { createStore, type Store } from '../../lib/store/store';
import { defaultPreferences } from '../../lib/store/profiles';
import { openKsefPilotDb } from '../../lib/store/db';
import { STORE_NAMES } from '../../lib/store/schema';
import type { InvoiceMetadata } from '../../lib/store/invoice-record';
import type { ProfileInput } from '../../lib/store/records';

export const NOW = new Date('2026-02-10T12:00:00.000Z');

export interface Harness {
  factory: IDBFactory;
  store: Store;
  /** Moves the fixed clock. */
  setNow: (date: Date) => void;
}

export function freshStore(): Harness {
  const factory = new IDBFactory();
  let now = NOW;
  const store = createStore({ indexedDB: factory, now: () => now });
  return { factory, store, setNow: (date) => (now = date) };
}

export function profileInput(id = 'p1', overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    id,
    name: `Fundacja ${id}`,
    nip: '5265877635',
    environment: 'test',
    preferences: defaultPreferences(NOW),
    ...overrides,
  };
}

/** A KSeF-shaped number; `nip` lets two sellers share a technical part. */
export function ksefNumber(i: number, nip = '5265877635'): string {
  return `${nip}-20260115-${i.toString(16).toUpperCase().padStart(12, '0')}-${(i % 256).toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * Invoice metadata as KSeF's query returns it. Issue dates cycle through 336 days and seven invoices in a row
 * share a storage time, so ordering has ties that only the KSeF number breaks.
 */
export function makeMetadata(i: number, overrides: Partial<InvoiceMetadata> = {}): InvoiceMetadata {
  const issueDay = 1 + (i % 28);
  const issueMonth = 1 + (Math.floor(i / 28) % 12);
  const stored = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 7) * 60_000);
  return {
    ksefNumber: ksefNumber(i),
    invoiceNumber: `FV/${i}/2026`,
    issueDate: `2025-${String(issueMonth).padStart(2, '0')}-${String(issueDay).padStart(2, '0')}`,
    invoicingDate: stored.toISOString(),
    acquisitionDate: stored.toISOString(),
    permanentStorageDate: stored.toISOString().replace('Z', '+00:00'),
    seller: { nip: '5265877635', name: `Dostawca ${i}` },
    buyer: { identifier: { type: 'Nip', value: '1111111111' }, name: 'Fundacja' },
    netAmount: 100 + i,
    grossAmount: 123 + i,
    vatAmount: 23,
    currency: 'PLN',
    invoicingMode: 'Online',
    invoiceType: 'Vat',
    formCode: { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' },
    isSelfInvoicing: false,
    hasAttachment: false,
    invoiceHash: 'UtQp9Gpc51y+u3xApZjIjgkpZ01js+J8KflSPW8WzIE=',
    ...overrides,
  };
}

export async function makeKeyPair(extractable = false): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, extractable, ['sign', 'verify']);
}

export function makeCertificateInfo(): CertificateInfo {
  return {
    subject: { commonName: 'Jan Kowalski', serialNumber: 'TINPL-5265877635', countryName: 'PL' },
    identifier: { type: 'NIP', value: '5265877635' },
    notBefore: new Date('2026-01-01T00:00:00.000Z'),
    notAfter: new Date('2028-01-01T00:00:00.000Z'),
    issuer: 'CN=TEST CCK KSeF,C=PL',
    subjectDn: 'C=PL,2.5.4.5=TINPL-5265877635,CN=Jan Kowalski',
    serialNumberHex: '01ab',
    fingerprintSha256: 'ab'.repeat(32),
    keyAlgorithm: 'EC P-256',
    purpose: 'authentication',
    selfSigned: false,
    environmentHint: 'test',
    der: new Uint8Array([0x30, 0x82, 0x01, 0x0a, 1, 2, 3, 4]),
  };
}

export async function signsAndVerifies(privateKey: CryptoKey, publicKey: CryptoKey): Promise<boolean> {
  const data = new TextEncoder().encode('AuthTokenRequest');
  const algorithm = { name: 'ECDSA', hash: 'SHA-256' };
  const signature = await crypto.subtle.sign(algorithm, privateKey, data);
  return crypto.subtle.verify(algorithm, publicKey, signature, data);
}

/** Every record of every store, read with a separate connection. */
export async function dumpAll(factory: IDBFactory): Promise<Record<string, unknown[]>> {
  const db = await openKsefPilotDb(factory);
  try {
    const entries = await Promise.all(STORE_NAMES.map(async (name) => [name, await db.getAll(name)] as const));
    return Object.fromEntries(entries);
  } finally {
    db.close();
  }
}

/** A promise that settles with the thrown error, for `{ code, message }` assertions. */
export async function caught(promise: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, got none');
}
