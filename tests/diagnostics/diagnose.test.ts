// diagnose(): every kind of failure becomes a verdict with a stable code and sentences in both languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../lib/auth/errors';
import { diagnose } from '../../lib/diagnostics/diagnose';
import { findingVerdict } from '../../lib/diagnostics/findings';
import { KsefError } from '../../lib/ksef/errors';
import { checkCertificate, loadCredentials, PkiError, readCertificate } from '../../lib/pki';
import { XadesError } from '../../lib/xades/errors';

const expected = JSON.parse(readFileSync(new URL('../fixtures/pki/expected.json', import.meta.url), 'utf8')) as { password: string };
const fixture = (name: string) => readFileSync(new URL(`../fixtures/pki/${name}`, import.meta.url), 'utf8');
const caught = async (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

describe('diagnose: the certificate and key files', () => {
  it.each([
    ['wrong password', { certificate: 'person-tinpl-ec.crt', privateKey: 'person-tinpl-ec.key', password: 'haslo' }, 'WRONG_PASSWORD', 'Nieprawidłowe hasło do klucza prywatnego', 'wpisano w Aplikacji Podatnika przy generowaniu klucza'],
    ['swapped files', { certificate: 'person-tinpl-ec.key', privateKey: 'person-tinpl-ec.crt', password: expected.password }, 'FILES_SWAPPED', 'Pliki certyfikatu i klucza są zamienione miejscami', 'W polu certyfikatu wybrano plik klucza'],
    ['another certificate\'s key', { certificate: 'person-tinpl-ec.crt', privateKey: 'other-nip-ec.key', password: expected.password }, 'KEY_MISMATCH', 'Klucz prywatny należy do innego certyfikatu', 'wygenerowano razem z innym certyfikatem'],
  ])('%s', async (_name, files, code, title, cause) => {
    const error = await caught(
      loadCredentials({ certificate: fixture(files.certificate), privateKey: fixture(files.privateKey), password: files.password }),
    );
    const verdict = diagnose(error);
    expect(verdict).toMatchObject({ code, severity: 'error', title: { pl: title } });
    expect(verdict.cause.pl).toContain(cause);
    expect(verdict.title.en).not.toBe(verdict.title.pl);
    expect(verdict.fix.en.length).toBeGreaterThan(20);
  });

  it('keeps lib/pki\'s own message for the rarer problems', () => {
    const verdict = diagnose(new PkiError('EMPTY_FILE'));
    expect(verdict).toMatchObject({ code: 'PKI_EMPTY_FILE', title: { pl: 'Nie udało się odczytać pliku certyfikatu lub klucza' } });
    expect(verdict.cause).toEqual({ pl: 'Plik jest pusty. Wybierz plik pobrany z Aplikacji Podatnika.', en: new PkiError('EMPTY_FILE').messageEn });
  });
});

describe('findingVerdict', () => {
  it('shows both NIPs for a certificate of another NIP', async () => {
    const info = await readCertificate(fixture('other-nip-ec.crt'));
    const [finding] = checkCertificate(info, { now: new Date('2030-01-01'), organizationNip: '526-587-76-35' });
    const verdict = findingVerdict(finding!);
    expect(verdict).toMatchObject({ code: 'NIP_MISMATCH', severity: 'warning' });
    expect(verdict.title.pl).toBe('Certyfikat wystawiono na NIP 1111111111, a organizacja ma NIP 5265877635');
    expect(verdict.title.en).toBe("The certificate was issued for NIP 1111111111, but the organisation's NIP is 5265877635");
  });

  it('says from when a certificate is valid, in Polish time', async () => {
    const info = await readCertificate(fixture('not-yet-valid-ec.crt'));
    const verdict = findingVerdict(checkCertificate(info, { now: new Date('2030-01-01') })[0]!);
    expect(verdict).toMatchObject({ code: 'NOT_YET_VALID', severity: 'error' });
    expect(verdict.title.pl).toBe('Certyfikat zacznie działać dopiero 01.01.2099 o godz. 01:00');
    expect(verdict.title.en).toBe('The certificate becomes valid only on 2099-01-01 at 01:00');
  });

  it('words the other findings as lib/pki does', async () => {
    const info = await readCertificate(fixture('offline-ec.crt'));
    const verdict = findingVerdict(checkCertificate(info, { now: new Date('2030-01-01') })[0]!);
    expect(verdict.code).toBe('OFFLINE_CERTIFICATE');
    expect(verdict.fix.pl).toContain('Uwierzytelnianie');
    expect(() => findingVerdict(null as never)).toThrow(new TypeError('"finding" must be a CertificateFinding'));
  });
});

describe('diagnose: KSeF answers', () => {
  const ctx = { organizationNip: '7680002466', environment: 'production', identifier: { type: 'PESEL' as const, value: '85010112345' } };

  it('415: who lacks permissions, where, and how to grant them', () => {
    const verdict = diagnose(new AuthError('NO_PERMISSIONS', { nip: '7680002466' }, { ksefStatus: 415 }), ctx);
    expect(verdict).toMatchObject({ code: 'NO_PERMISSIONS', data: { ksefStatus: 415, organizationNip: '7680002466' } });
    expect(verdict.title.pl).toBe('Osoba z certyfikatu nie ma uprawnień w organizacji o NIP 7680002466');
    expect(verdict.fix.pl).toContain('wpisuje dokładnie PESEL 85010112345, zaznacza „Przeglądanie faktur”');
  });

  it('21115, as an AuthError or a bare 400: another environment\'s certificate', () => {
    const auth = diagnose(new AuthError('CERTIFICATE_NOT_ACCEPTED', { nip: 'x' }, { exceptionCode: 21115 }), ctx);
    const bare = diagnose(new KsefError('HTTP', { operation: 'POST /auth/xades-signature', status: 400, exceptions: [{ code: 21115, description: 'x', details: [] }] }), ctx);
    for (const verdict of [auth, bare]) {
      expect(verdict.code).toBe('OTHER_ENVIRONMENT');
      expect(verdict.cause.pl).toContain('Wybrane środowisko: produkcyjne.');
    }
  });

  it('460 with KSeF\'s reason', () => {
    const verdict = diagnose(new AuthError('CERTIFICATE_REVOKED', { nip: 'x', detail: 'Certyfikat odwołany' }, { ksefStatus: 460 }), ctx);
    expect(verdict.code).toBe('CERTIFICATE_REFUSED');
    expect(verdict.cause.pl).toBe('KSeF zakończył logowanie kodem 460 i podał powód: „Certyfikat odwołany”.');
    expect(verdict.fix.pl).toBe('Certyfikat został unieważniony. Wygeneruj nowy certyfikat KSeF w Aplikacji Podatnika i wczytaj go w ustawieniach.');
  });

  it('403 with the required and present permissions, by name', () => {
    const error = new KsefError('HTTP', { operation: 'POST /invoices/query/metadata', status: 403, reasonCode: 'missing-permissions', requiredAnyOfPermissions: ['InvoiceRead'], presentPermissions: [] });
    const verdict = diagnose(error, ctx);
    expect(verdict).toMatchObject({ code: 'MISSING_PERMISSIONS', data: { required: ['InvoiceRead'], present: [] } });
    expect(verdict.cause.en).toBe("KSeF refused (code 403). One of these permissions is required: View invoices. The certificate's holder (PESEL 85010112345) now has: none.");
  });

  it.each([['NETWORK'], ['TIMEOUT']] as const)('%s: KSeF unreachable', (code) => {
    expect(diagnose(new KsefError(code, { operation: 'POST /auth/challenge' })).code).toBe('KSEF_UNREACHABLE');
  });

  it('429: until when, in Polish time', () => {
    const retryAt = Date.parse('2026-03-01T10:15:00Z');
    const verdict = diagnose(new KsefError('RATE_LIMITED', { operation: 'POST /auth/challenge', status: 429, retryAt }));
    expect(verdict).toMatchObject({ code: 'RATE_LIMITED', severity: 'warning', data: { retryAt: '2026-03-01T10:15:00.000Z' } });
    expect(verdict.fix.pl).toBe('Poczekaj do 01.03.2026 11:15 i spróbuj ponownie. Nie trzeba niczego zmieniać w ustawieniach.');
    expect(verdict.fix.en).toBe('Wait until 2026-03-01 11:15 and try again. Nothing needs to change in the settings.');
  });

  it('other KSeF errors keep lib/ksef\'s message', () => {
    const error = new KsefError('HTTP', { operation: 'GET /x', status: 503 });
    expect(diagnose(error)).toMatchObject({ code: 'KSEF_ERROR', cause: { pl: error.message, en: error.messageEn } });
  });
});

describe('diagnose: everything else', () => {
  it('a signing failure', () => {
    const verdict = diagnose(new XadesError('UNSUPPORTED_KEY', 'test', { algorithm: 'Ed25519' }));
    expect(verdict).toMatchObject({ code: 'SIGNATURE_FAILED', data: { reason: 'UNSUPPORTED_KEY', ksefCode: 9105 } });
  });

  it('an error that crossed the message boundary keeps its sentences', () => {
    const verdict = diagnose({ code: 'NO_RESPONSE', message: 'Brak odpowiedzi', messageEn: 'No answer' });
    expect(verdict).toMatchObject({ code: 'OTHER_NO_RESPONSE', cause: { pl: 'Brak odpowiedzi', en: 'No answer' } });
  });

  it('anything unknown, without leaking its text', () => {
    const verdict = diagnose(new Error('secret=abc'));
    expect(verdict.code).toBe('UNEXPECTED');
    expect(JSON.stringify(verdict)).not.toContain('secret=abc');
    expect(() => diagnose(new Error('x'), 5 as never)).toThrow(new TypeError('"context" must be an object'));
  });
});

describe('every verdict reads as finished sentences', () => {
  const ctx = { organizationNip: '5265877635', environment: 'demo', identifier: null, fingerprint: 'ab'.repeat(32) };
  const errors: unknown[] = [
    new PkiError('WRONG_PASSWORD'),
    new PkiError('NOT_A_CERTIFICATE', { swapped: 'yes' }),
    new PkiError('KEY_CERT_MISMATCH', { keyAlgorithm: 'EC P-256', certificateAlgorithm: 'RSA 2048' }),
    new PkiError('PKCS12_INCOMPLETE', { missing: 'key' }),
    new AuthError('NO_PERMISSIONS', { nip: '5265877635' }, { ksefStatus: 415 }),
    new AuthError('CERTIFICATE_NOT_ACCEPTED', { nip: '5265877635', detail: 'x' }, { exceptionCode: 21115 }),
    new AuthError('CERTIFICATE_NOT_YET_VALID', { nip: '5265877635', detail: 'x', date: '2099-01-01' }, { ksefStatus: 460 }),
    new AuthError('CERTIFICATE_INVALID', { nip: '5265877635', detail: 'Nieważny certyfikat' }, { ksefStatus: 460 }),
    new AuthError('LOGIN_PENDING', { nip: '5265877635' }, { ksefStatus: 100 }),
    new KsefError('HTTP', { operation: 'POST /x', status: 403, reasonCode: 'missing-permissions', requiredAnyOfPermissions: ['InvoiceWrite', 'Custom'], presentPermissions: ['Owner'] }),
    new KsefError('RATE_LIMITED', { operation: 'POST /x', status: 429 }),
    new KsefError('NETWORK', { operation: 'POST /x' }),
    new KsefError('HTTP', { operation: 'POST /x', status: 500 }),
    new XadesError('KEY_MISMATCH', 'x', { certificateAlgorithm: 'EC P-256', keyAlgorithm: 'RSA 2048' }),
  ];

  it.each(errors.map((e) => [(e as { code: string | number }).code, e]))('%s', (_code, error) => {
    const verdict = diagnose(error, ctx);
    for (const lang of ['pl', 'en'] as const) {
      for (const part of [verdict.title, verdict.cause, verdict.fix]) {
        expect(part[lang]).not.toMatch(/\{\w+\}/);
        expect(part[lang].trim().length).toBeGreaterThan(5);
      }
    }
    expect(verdict.title.pl).not.toBe(verdict.title.en);
  });
});
