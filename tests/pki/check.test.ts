import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCertificate } from '../../lib/pki/certificate';
import { checkCertificate, describeFinding, EXPIRY_WARNING_DAYS } from '../../lib/pki/check';
import type { CertificateFinding, CertificateInfo, FindingCode, KsefEnvironment } from '../../lib/pki/types';
import pl from '../../lib/i18n/catalog/worker.pl.json';
import en from '../../lib/i18n/catalog/worker.en.json';

const dir = new URL('../fixtures/pki/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as {
  nips: { person: string; seal: string; other: string };
};
const NAMES = [
  'person-tinpl-ec', 'person-tinpl-prod-ec', 'person-pnopl-ec', 'seal-vatpl-ec', 'offline-ec', 'expired-ec',
  'not-yet-valid-ec', 'no-identifier-ec', 'other-nip-ec', 'self-signed-ec', 'other-issuer-ec',
] as const;
type Name = (typeof NAMES)[number];
const certs = {} as Record<Name, CertificateInfo>;
beforeAll(async () => {
  for (const name of NAMES) certs[name] = await readCertificate(readFileSync(new URL(`${name}.crt`, dir)));
});

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-06-15T10:00:00Z'); // inside the 2025–2045 validity of the fixtures
const codes = (f: CertificateFinding[]) => f.map((x) => x.code);
/** NOW, or a day into the validity of certificates made when the fixtures were (self-signed-ec). */
const nowFor = (info: CertificateInfo) => new Date(Math.max(NOW.getTime(), info.notBefore.getTime() + DAY));

describe('checkCertificate', () => {
  it('finds nothing wrong with a TEST authentication certificate used on TEST for its own NIP', () => {
    expect(checkCertificate(certs['person-tinpl-ec'], { now: NOW, environment: 'test', organizationNip: expected.nips.person })).toEqual([]);
  });

  it('NOT_YET_VALID with the date it starts working', () => {
    const info = certs['not-yet-valid-ec'];
    expect(checkCertificate(info, { now: NOW })).toEqual([
      { code: 'NOT_YET_VALID', severity: 'error', data: { from: '2099-01-01T00:00:00.000Z' } },
    ]);
  });

  it('EXPIRED with the date it stopped working', () => {
    expect(checkCertificate(certs['expired-ec'], { now: NOW })).toEqual([
      { code: 'EXPIRED', severity: 'error', data: { to: '2021-01-01T00:00:00.000Z' } },
    ]);
  });

  it.each<[string, number, CertificateFinding[]]>([
    ['one millisecond before notBefore', -1, [{ code: 'NOT_YET_VALID', severity: 'error', data: { from: '2025-01-01T00:00:00.000Z' } }]],
    ['exactly at notBefore', 0, []],
  ])('validity start: %s', (_label, offset, findings) => {
    const info = certs['person-tinpl-ec'];
    expect(checkCertificate(info, { now: new Date(info.notBefore.getTime() + offset) })).toEqual(findings);
  });

  it.each<[string, number, CertificateFinding[]]>([
    ['30 days and 1 ms before expiry', EXPIRY_WARNING_DAYS * DAY + 1, []],
    ['exactly 30 days before expiry', EXPIRY_WARNING_DAYS * DAY, [{ code: 'EXPIRES_SOON', severity: 'warning', data: { daysLeft: 30, to: '2045-01-01T00:00:00.000Z' } }]],
    ['29.5 days before expiry', 29.5 * DAY, [{ code: 'EXPIRES_SOON', severity: 'warning', data: { daysLeft: 30, to: '2045-01-01T00:00:00.000Z' } }]],
    ['one hour before expiry', 3_600_000, [{ code: 'EXPIRES_SOON', severity: 'warning', data: { daysLeft: 1, to: '2045-01-01T00:00:00.000Z' } }]],
    ['at the expiry instant (still valid, RFC 5280)', 0, [{ code: 'EXPIRES_SOON', severity: 'warning', data: { daysLeft: 1, to: '2045-01-01T00:00:00.000Z' } }]],
    ['one millisecond after expiry', -1, [{ code: 'EXPIRED', severity: 'error', data: { to: '2045-01-01T00:00:00.000Z' } }]],
  ])('expiry boundary: %s', (_label, before, findings) => {
    const info = certs['person-tinpl-ec'];
    expect(checkCertificate(info, { now: new Date(info.notAfter.getTime() - before) })).toEqual(findings);
  });

  it.each<[Name, string, CertificateFinding[]]>([
    ['other-nip-ec', expected.nips.person, [{ code: 'NIP_MISMATCH', severity: 'warning', data: { certificateNip: expected.nips.other, organizationNip: expected.nips.person } }]],
    ['seal-vatpl-ec', expected.nips.person, [{ code: 'NIP_MISMATCH', severity: 'warning', data: { certificateNip: expected.nips.seal, organizationNip: expected.nips.person } }]],
    ['person-tinpl-ec', expected.nips.person, []],
    ['person-tinpl-ec', '526-587-76-35', []],
    ['person-tinpl-ec', 'PL 526 587 76 35', []],
    ['seal-vatpl-ec', expected.nips.seal, []],
    // A PESEL cannot be compared with a NIP here; only KSeF knows the person's permissions.
    ['person-pnopl-ec', expected.nips.person, []],
  ])('NIP: %s for organisation %s', (name, organizationNip, findings) => {
    expect(checkCertificate(certs[name], { now: NOW, organizationNip })).toEqual(findings);
  });

  it('NO_IDENTIFIER carries the fingerprint the owner must grant permissions to (NOTES §4.1)', () => {
    const info = certs['no-identifier-ec'];
    expect(checkCertificate(info, { now: NOW, organizationNip: expected.nips.person })).toEqual([
      { code: 'NO_IDENTIFIER', severity: 'warning', data: { fingerprint: info.fingerprintSha256 } },
    ]);
  });

  it('OFFLINE_CERTIFICATE for a nonRepudiation-only certificate (NOTES §4.3)', () => {
    expect(checkCertificate(certs['offline-ec'], { now: NOW })).toEqual([
      { code: 'OFFLINE_CERTIFICATE', severity: 'error', data: {} },
    ]);
  });

  it.each<[Name, KsefEnvironment, FindingCode[]]>([
    ['person-tinpl-ec', 'test', []],
    ['person-tinpl-ec', 'demo', ['ENVIRONMENT_MISMATCH']],
    ['person-tinpl-ec', 'production', ['ENVIRONMENT_MISMATCH']],
    ['person-tinpl-prod-ec', 'production', []],
    ['person-tinpl-prod-ec', 'test', ['ENVIRONMENT_MISMATCH']],
    ['person-tinpl-prod-ec', 'demo', []], // DEMO's issuer is unknown to us
    ['other-issuer-ec', 'test', []],
    ['other-issuer-ec', 'demo', []],
    ['other-issuer-ec', 'production', []],
    ['self-signed-ec', 'test', []],
    ['self-signed-ec', 'demo', ['SELF_SIGNED_OUTSIDE_TEST']],
    ['self-signed-ec', 'production', ['SELF_SIGNED_OUTSIDE_TEST']],
  ])('environment: %s on %s → %j', (name, environment, expectedCodes) => {
    expect(codes(checkCertificate(certs[name], { now: nowFor(certs[name]), environment }))).toEqual(expectedCodes);
  });

  it('ENVIRONMENT_MISMATCH and SELF_SIGNED_OUTSIDE_TEST name both environments in data', () => {
    expect(checkCertificate(certs['person-tinpl-ec'], { now: NOW, environment: 'production' })).toEqual([
      { code: 'ENVIRONMENT_MISMATCH', severity: 'error', data: { environment: 'production', certificateEnvironment: 'test' } },
    ]);
    expect(checkCertificate(certs['person-tinpl-prod-ec'], { now: NOW, environment: 'test' })).toEqual([
      { code: 'ENVIRONMENT_MISMATCH', severity: 'error', data: { environment: 'test', certificateEnvironment: 'production' } },
    ]);
    expect(checkCertificate(certs['self-signed-ec'], { now: nowFor(certs['self-signed-ec']), environment: 'demo' })).toEqual([
      { code: 'SELF_SIGNED_OUTSIDE_TEST', severity: 'error', data: { environment: 'demo' } },
    ]);
  });

  it('reports several findings at once, in a fixed order', () => {
    const info = { ...certs['offline-ec'], notAfter: new Date(NOW.getTime() + 3 * DAY), identifier: { type: 'NIP' as const, value: '1111111111' } };
    expect(codes(checkCertificate(info, { now: NOW, environment: 'production', organizationNip: expected.nips.person }))).toEqual([
      'EXPIRES_SOON', 'OFFLINE_CERTIFICATE', 'ENVIRONMENT_MISMATCH', 'NIP_MISMATCH',
    ]);
  });

  it('is pure: the same input gives the same output and the input is not changed', () => {
    const info = certs['other-nip-ec'];
    const before = structuredClone(info);
    const options = { now: NOW, environment: 'production' as const, organizationNip: expected.nips.person };
    expect(checkCertificate(info, options)).toEqual(checkCertificate(info, options));
    expect(info).toEqual(before);
  });

  it.each<[string, () => unknown, string]>([
    ['no info', () => checkCertificate(undefined as never, { now: NOW }), '"info" must be a CertificateInfo from readCertificate'],
    ['no now', () => checkCertificate(certs['person-tinpl-ec'], {} as never), '"options.now" must be a valid Date'],
    ['invalid now', () => checkCertificate(certs['person-tinpl-ec'], { now: new Date('x') }), '"options.now" must be a valid Date'],
    ['unknown environment', () => checkCertificate(certs['person-tinpl-ec'], { now: NOW, environment: 'prod' as never }), '"options.environment" must be test, demo or production'],
    ['malformed organisation NIP', () => checkCertificate(certs['person-tinpl-ec'], { now: NOW, organizationNip: '123' }), '"options.organizationNip" must be a NIP of 10 digits'],
  ])('checks its arguments: %s', (_label, call, message) => {
    expect(call).toThrow(new TypeError(message));
  });
});

describe('describeFinding: words for a bookkeeper, Polish first', () => {
  const f = (code: FindingCode, data: CertificateFinding['data'] = {}, severity: 'error' | 'warning' = 'error'): CertificateFinding => ({ code, severity, data });

  it.each<[string, CertificateFinding, { pl: string[]; en: string[] }]>([
    ['NOT_YET_VALID', f('NOT_YET_VALID', { from: '2099-01-01T00:00:00.000Z' }),
      { pl: ['jeszcze nie obowiązuje', '01.01.2099 o godz. 01:00'], en: ['not valid yet', '2099-01-01 at 01:00'] }],
    ['NOT_YET_VALID in summer time', f('NOT_YET_VALID', { from: '2026-07-31T22:30:00.000Z' }),
      { pl: ['01.08.2026 o godz. 00:30'], en: ['2026-08-01 at 00:30'] }],
    ['EXPIRED', f('EXPIRED', { to: '2021-01-01T00:00:00.000Z' }),
      { pl: ['wygasł 01.01.2021', 'Wygeneruj nowy certyfikat KSeF w Aplikacji Podatnika'], en: ['expired on 2021-01-01', 'Generate a new KSeF certificate in Aplikacja Podatnika'] }],
    ['EXPIRES_SOON (1)', f('EXPIRES_SOON', { daysLeft: 1, to: '2026-12-30T12:00:00.000Z' }, 'warning'),
      { pl: ['wygaśnie za 1 dzień (30.12.2026)'], en: ['expires in 1 day (2026-12-30)'] }],
    ['EXPIRES_SOON (3)', f('EXPIRES_SOON', { daysLeft: 3, to: '2026-12-30T12:00:00.000Z' }, 'warning'),
      { pl: ['wygaśnie za 3 dni (30.12.2026)'], en: ['expires in 3 days'] }],
    ['EXPIRES_SOON (30)', f('EXPIRES_SOON', { daysLeft: 30, to: '2026-12-30T12:00:00.000Z' }, 'warning'),
      { pl: ['wygaśnie za 30 dni'], en: ['expires in 30 days'] }],
    ['NIP_MISMATCH', f('NIP_MISMATCH', { certificateNip: '1111111111', organizationNip: '5265877635' }, 'warning'),
      { pl: ['NIP 1111111111', 'NIP 5265877635', 'popraw go w ustawieniach', 'certyfikatu osoby uprawnionej'],
        en: ['NIP 1111111111', "NIP is 5265877635", 'correct it in the settings', 'certificate of a person authorised'] }],
    ['NO_IDENTIFIER', f('NO_IDENTIFIER', { fingerprint: 'ab'.repeat(32) }, 'warning'),
      { pl: ['nie zawiera NIP ani numeru PESEL', 'ab'.repeat(32)], en: ['neither a NIP nor a PESEL', 'ab'.repeat(32)] }],
    ['OFFLINE_CERTIFICATE', f('OFFLINE_CERTIFICATE'),
      { pl: ['Offline', 'Uwierzytelnianie'], en: ['Offline', 'Authentication certificate'] }],
    ['ENVIRONMENT_MISMATCH', f('ENVIRONMENT_MISMATCH', { environment: 'production', certificateEnvironment: 'test' }),
      { pl: ['certyfikat: TEST (testowe)', 'wybrane środowisko: produkcyjne', 'Zmień środowisko'], en: ['certificate: TEST', 'chosen environment: production', 'Change the environment'] }],
    ['SELF_SIGNED_OUTSIDE_TEST', f('SELF_SIGNED_OUTSIDE_TEST', { environment: 'demo' }),
      { pl: ['tylko w środowisku testowym', 'W środowisku DEMO (przedprodukcyjne)'], en: ['only in the TEST environment', 'The DEMO (pre-production) environment'] }],
  ])('%s', (_label, finding, fragments) => {
    for (const lang of ['pl', 'en'] as const) {
      const { title, fix } = describeFinding(finding, lang);
      const both = `${title} ${fix}`;
      for (const fragment of fragments[lang]) expect(both).toContain(fragment);
      expect(both).not.toMatch(/\{\w+\}/); // every placeholder filled
      expect(title.length).toBeGreaterThan(10);
      expect(fix.length).toBeGreaterThan(title.length / 2);
    }
  });

  it('describes every finding checkCertificate produced for the fixtures, in both languages', () => {
    for (const name of NAMES) {
      for (const environment of ['test', 'demo', 'production'] as const) {
        for (const finding of checkCertificate(certs[name], { now: NOW, environment, organizationNip: expected.nips.person })) {
          expect(describeFinding(finding, 'pl').title).not.toBe(describeFinding(finding, 'en').title);
        }
      }
    }
  });

  it('every finding code has a title and a fix in both catalogs, and the cert_ keys match', () => {
    const codes: FindingCode[] = ['NOT_YET_VALID', 'EXPIRED', 'EXPIRES_SOON', 'NIP_MISMATCH', 'NO_IDENTIFIER',
      'OFFLINE_CERTIFICATE', 'ENVIRONMENT_MISMATCH', 'SELF_SIGNED_OUTSIDE_TEST'];
    const mine = (catalog: object) => Object.keys(catalog).filter((k) => /^(pki_finding_|cert_)/.test(k)).sort();
    expect(mine(pl)).toEqual(mine(en));
    for (const code of codes) {
      expect(mine(pl)).toContain(`pki_finding_${code}_title`);
      expect(mine(pl)).toContain(`pki_finding_${code}_fix`);
    }
  });

  it('checks its argument', () => {
    expect(() => describeFinding(null as never, 'pl')).toThrow(new TypeError('"finding" must be a CertificateFinding'));
  });
});
