// The error base: every lib error keeps its name, code, data and both messages when it crosses a message
// boundary as a plain object (structuredClone for chrome.runtime, JSON for logs), and each guard accepts
// such a copy but no unknown code (STYLE rules 8, 9, 22).
import { describe, expect, it } from 'vitest';
import { hasErrorShape } from '../../lib/core/errors';
import { AuthError, isAuthError } from '../../lib/auth/errors';
import { InvoiceError, isInvoiceError } from '../../lib/invoice/errors';
import { isKsefError, KsefError } from '../../lib/ksef/errors';
import { isPkiError, PkiError } from '../../lib/pki/errors';
import { isStoreError, StoreError } from '../../lib/store/errors';
import { isSyncError, SyncError } from '../../lib/sync/errors';
import { isWorkerError, WorkerError } from '../../lib/worker/errors';
import { isXadesError, XadesError } from '../../lib/xades/errors';

describe('hasErrorShape', () => {
  const codes = ['WRONG_PASSWORD', 9105] as const;
  it.each([
    ['an error of that name and a known code', { name: 'PkiError', code: 'WRONG_PASSWORD' }, true],
    ['a numeric code of the union', { name: 'PkiError', code: 9105 }, true],
    ['a plain object after a message round trip', JSON.parse(JSON.stringify({ name: 'PkiError', code: 'WRONG_PASSWORD' })), true],
    ['another name', { name: 'AuthError', code: 'WRONG_PASSWORD' }, false],
    ['an unknown code', { name: 'PkiError', code: 'NOPE' }, false],
    ['a code of the wrong type', { name: 'PkiError', code: ['WRONG_PASSWORD'] }, false],
    ['null', null, false],
    ['a string', 'PkiError', false],
  ])('%s → %s', (_label, value, expected) => {
    expect(hasErrorShape(value, 'PkiError', codes)).toBe(expected);
  });
});

const TOO_DEEP = [
  'Plik ma zbyt głęboko zagnieżdżone elementy XML (więcej niż 64 poziomów), więc nie jest fakturą KSeF. Otwórz fakturę pobraną z KSeF.',
  'The file nests XML elements too deeply (more than 64 levels), so it is not a KSeF invoice. Open the invoice as downloaded from KSeF.',
] as const;
const NOT_AVAILABLE = [
  'Ta funkcja nie jest jeszcze dostępna w tej wersji rozszerzenia. Zaktualizuj rozszerzenie.',
  'This feature is not available in this version of the extension yet. Update the extension.',
] as const;

describe('bilingual errors', () => {
  it('InvoiceError: Polish message, English messageEn, messageIn picks one, data fills the placeholders', () => {
    const error = new InvoiceError('TOO_DEEP', { max: 64 });
    expect(error).toMatchObject({ name: 'InvoiceError', code: 'TOO_DEEP', data: { max: 64 }, message: TOO_DEEP[0], messageEn: TOO_DEEP[1] });
    expect(error.messageIn('pl')).toBe(TOO_DEEP[0]);
    expect(error.messageIn('en')).toBe(TOO_DEEP[1]);
    expect(error).toBeInstanceOf(Error);
  });

  it('WorkerError has a guard like the others', () => {
    const error = new WorkerError('NOT_AVAILABLE');
    expect(error).toMatchObject({ name: 'WorkerError', code: 'NOT_AVAILABLE', message: NOT_AVAILABLE[0], messageEn: NOT_AVAILABLE[1] });
    expect(isWorkerError(error)).toBe(true);
    expect(isWorkerError({ name: 'WorkerError', code: 'NOPE' })).toBe(false);
    expect(isWorkerError({ name: 'SyncError', code: 'NOT_AVAILABLE' })).toBe(false);
  });

  it('keeps the cause only when one is given', () => {
    const cause = new Error('inner');
    expect(new PkiError('CORRUPT_FILE', {}, { cause }).cause).toBe(cause);
    expect('cause' in new PkiError('CORRUPT_FILE', {}, { cause: undefined })).toBe(false);
  });
});

// One instance of each class, with its guard and a code the guard must refuse.
const CASES = [
  ['AuthError', new AuthError('NO_PERMISSIONS', { nip: '5260250274' }, { ksefStatus: 415 }), isAuthError, 'NOPE'],
  ['InvoiceError', new InvoiceError('TOO_DEEP', { max: 64 }), isInvoiceError, 'TOO_SHALLOW'],
  ['KsefError', new KsefError('HTTP', { operation: 'GET /auth/{referenceNumber}', status: 500 }), isKsefError, 'HTTP_500'],
  ['PkiError', new PkiError('FILE_TOO_LARGE', { size: 2, max: 1 }), isPkiError, 'TOO_LARGE'],
  ['StoreError', new StoreError('NOT_FOUND', 'updateOutboxItem: no outbox item "x"'), isStoreError, 'GONE'],
  ['SyncError', new SyncError('PROFILE_NOT_FOUND'), isSyncError, 'NOT_FOUND'],
  ['WorkerError', new WorkerError('NOT_AVAILABLE'), isWorkerError, 'UNAVAILABLE'],
  ['XadesError', new XadesError('DIGEST', 'SignedInfo digest differs'), isXadesError, 9999],
] as const;

describe.each(CASES)('%s across the message boundary', (name, error, guard, unknownCode) => {
  it('toJSON keeps name, code, data and messages through structuredClone and JSON', () => {
    const json = error.toJSON();
    expect(json).toMatchObject({ name, code: error.code, data: error.data, message: error.message });
    expect(json.messageEn).toBe(error.messageEn);
    for (const copy of [structuredClone(json), JSON.parse(JSON.stringify(error))]) {
      expect(copy).toEqual(JSON.parse(JSON.stringify(json)));
      expect(guard(copy)).toBe(true);
    }
  });

  it('the guard accepts the error and refuses an unknown code or another name', () => {
    expect(guard(error)).toBe(true);
    expect(guard({ ...error.toJSON(), code: unknownCode })).toBe(false);
    expect(guard({ ...error.toJSON(), name: 'Error' })).toBe(false);
    expect(guard(new Error(error.message))).toBe(false);
  });
});

describe('errors without user text', () => {
  it('StoreError carries its developer message and no messageEn, so pages show their generic text', () => {
    const error = new StoreError('NOT_FOUND', 'updateOutboxItem: no outbox item "x"');
    expect(error.toJSON()).toEqual({ name: 'StoreError', code: 'NOT_FOUND', data: {}, message: 'updateOutboxItem: no outbox item "x"' });
    expect(error.messageIn('en')).toBe(error.message);
  });

  it('XadesError: message for developers, messageIn for users, reason kept in toJSON', () => {
    const error = new XadesError('KEY_MISMATCH', 'curve differs', { certificateAlgorithm: 'EC P-256', keyAlgorithm: 'RSA 2048' });
    expect(error.message).toBe('XAdES invalid signature (9105 KEY_MISMATCH): curve differs');
    expect(error.messageEn).toBeUndefined();
    expect(error.messageIn('en')).toBe(
      'The private key does not match the certificate (certificate: EC P-256, key: RSA 2048). Load the .key file saved together with this certificate in Aplikacja Podatnika.',
    );
    expect(structuredClone(error.toJSON())).toMatchObject({ name: 'XadesError', code: 9105, reason: 'KEY_MISMATCH' });
  });
});
