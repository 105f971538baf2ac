// lib/setup/check-files.ts and chosen-files.ts: the options page's local check of the chosen certificate and
// key, run in Node on the PKI fixtures (tests/fixtures/pki).
import { describe, expect, it } from 'vitest';
import { checkCertificateFiles } from '../../lib/setup/check-files';
import { checkPassed, classifyFile, filesSwapped, hasFiles, type ChosenFiles } from '../../lib/setup/chosen-files';
import { PASSWORD, fixture } from '../pki/key-fixtures';

const NOW = new Date('2026-02-10T12:00:00Z');
const OWNER = '5265877635';
const file = (name: string) => ({ name, bytes: fixture(name) });
const pair = (cert: string, key = cert): ChosenFiles => ({ certificate: file(`${cert}.crt`), key: file(`${key}.key`) });
const context = (overrides: Partial<{ nipInput: string; environment: string }> = {}) => ({ now: NOW, nipInput: OWNER, environment: 'test', ...overrides });
const codes = (check: { verdicts: { code: string }[] }) => check.verdicts.map((v) => v.code);

describe('checkCertificateFiles', () => {
  it('proves a matching pair: the card, a non-extractable key, no findings', async () => {
    const check = await checkCertificateFiles(pair('person-tinpl-ec'), PASSWORD, context());
    expect(check.need).toBeNull();
    expect(codes(check)).toEqual([]);
    expect(check.info?.subject.commonName).toBe('Anna Nowak');
    expect(check.credentials?.privateKey.extractable).toBe(false);
    expect(checkPassed(check)).toBe(true);
  });

  it('asks for what is missing: the certificate, then the key, then the password', async () => {
    expect((await checkCertificateFiles({ key: file('person-tinpl-ec.key') }, '', context())).need).toBe('certificate');
    const certOnly = await checkCertificateFiles({ certificate: file('person-tinpl-ec.crt') }, '', context());
    expect(certOnly.need).toBe('key');
    expect(certOnly.info?.subject.commonName).toBe('Anna Nowak'); // the card shows before the key is chosen
    const noPassword = await checkCertificateFiles(pair('person-tinpl-ec'), '', context());
    expect(noPassword).toMatchObject({ need: 'password', credentials: null, verdicts: [] });
    expect(checkPassed(noPassword)).toBe(false);
  });

  it('says a wrong password is wrong, with its code and a fix', async () => {
    const check = await checkCertificateFiles(pair('person-tinpl-ec'), 'not the password', context());
    expect(codes(check)).toEqual(['WRONG_PASSWORD']);
    expect(check.verdicts[0]!.fix.pl).not.toBe('');
    expect(checkPassed(check)).toBe(false);
  });

  it('warns about a certificate of another NIP than the organisation, and still lets it be saved', async () => {
    // A person with permissions granted in KSeF logs in for the organisation with their own certificate.
    const check = await checkCertificateFiles(pair('other-nip-ec'), PASSWORD, context());
    expect(check.verdicts.map((v) => [v.code, v.severity])).toEqual([['NIP_MISMATCH', 'warning']]);
    expect(checkPassed(check)).toBe(true);
  });

  it('judges the environment of KSeF profiles, and none for the simulator (it takes TEST\'s rules)', async () => {
    const production = await checkCertificateFiles(pair('person-tinpl-ec'), PASSWORD, context({ environment: 'production' }));
    expect(codes(production)).toEqual(['ENVIRONMENT_MISMATCH']);
    const simulator = await checkCertificateFiles(pair('person-tinpl-ec'), PASSWORD, context({ environment: 'simulator' }));
    expect(codes(simulator)).toEqual([]);
  });

  it('recognises the certificate and key chosen the wrong way round', async () => {
    const files: ChosenFiles = { certificate: file('person-tinpl-ec.key'), key: file('person-tinpl-ec.crt') };
    const check = await checkCertificateFiles(files, PASSWORD, context());
    expect(codes(check)).toContain('FILES_SWAPPED');
    expect(filesSwapped(check, files)).toBe(true);
  });

  it('reads one .p12 bundle, and asks for its password rather than calling an empty one wrong', async () => {
    const ok = await checkCertificateFiles({ p12: file('ec-bundle.p12') }, PASSWORD, context());
    expect(checkPassed(ok)).toBe(true);
    expect(await checkCertificateFiles({ p12: file('ec-bundle.p12') }, '', context())).toMatchObject({ need: 'password', verdicts: [] });
  });

  it('never rejects: unreadable bytes become a verdict', async () => {
    const garbage = { certificate: { name: 'x.crt', bytes: new Uint8Array([1, 2, 3]) }, key: file('person-tinpl-ec.key') };
    const check = await checkCertificateFiles(garbage, PASSWORD, context());
    expect(check.credentials).toBeNull();
    expect(check.verdicts).toHaveLength(1);
    expect(check.verdicts[0]!.severity).toBe('error');
  });
});

describe('chosen files', () => {
  it('sorts a dropped file by its name, then by what it holds', () => {
    expect(classifyFile('Cert.PFX', new Uint8Array())).toBe('p12');
    expect(classifyFile('a.key', new Uint8Array())).toBe('key');
    expect(classifyFile('download.pem', fixture('person-tinpl-ec.key'))).toBe('key');
    expect(classifyFile('download.pem', fixture('person-tinpl-ec.crt'))).toBe('certificate');
  });

  it('knows whether anything is chosen', () => {
    expect(hasFiles({})).toBe(false);
    expect(hasFiles({ p12: file('ec-bundle.p12') })).toBe(true);
  });
});
