import { describe, expect, it } from 'vitest';
import { formatHandoffPath, parseHandoff } from '../../lib/ap-helper/handoff';
import { AP_HOSTS, AP_MATCH_PATTERNS, AP_START_URLS, apEnvironmentOf } from '../../lib/ap-helper/hosts';

describe('hand-off URL (SEAMS: options.html?setup=certificate&env=<test|demo|prod>&nip=…)', () => {
  it.each([
    [{ environment: 'test' }, 'options.html?setup=certificate&env=test'],
    [{ environment: 'demo', nip: '5265877635' }, 'options.html?setup=certificate&env=demo&nip=5265877635'],
    [{ environment: 'production', nip: '1234563218' }, 'options.html?setup=certificate&env=prod&nip=1234563218'],
  ] as const)('formats %o as %s, and parses it back', (handoff, path) => {
    expect(formatHandoffPath(handoff)).toBe(path);
    expect(parseHandoff(path.slice('options.html'.length))).toEqual(handoff);
  });

  it.each([
    [{ environment: 'simulator' }, '"handoff.environment" must be test, demo or production'],
    [{ environment: 'test', nip: '5265877636' }, '"handoff.nip" must be a valid NIP'],
  ])('refuses to format %o', (handoff, message) => {
    expect(() => formatHandoffPath(handoff as never)).toThrow(new TypeError(message));
  });

  it.each([
    ['', null],
    ['?profile=p1&view=log', null],
    ['?setup=certificate', null],
    ['?setup=certificate&env=production', null],
    ['?setup=keys&env=test', null],
    ['?setup=certificate&env=test&nip=5265877636', { environment: 'test' }],
    ['?setup=certificate&env=test&nip=526-587-76-35', { environment: 'test' }],
    ['?setup=certificate&env=prod&nip=5265877635&extra=1', { environment: 'production', nip: '5265877635' }],
  ])('parses %j as %j', (search, expected) => {
    expect(parseHandoff(search)).toEqual(expected);
  });
});

describe('Aplikacja Podatnika hosts (NOTES §1.1)', () => {
  it.each([
    ['https://ap-test.ksef.mf.gov.pl/web/', 'test'],
    ['https://ap-demo.ksef.mf.gov.pl/', 'demo'],
    ['https://ap.ksef.mf.gov.pl/web/certyfikaty', 'production'],
    ['https://web2te-ksef.mf.gov.pl/web/', 'test'],
    ['https://ksef-test.mf.gov.pl/web', 'test'],
    ['https://ksef-demo.mf.gov.pl/web', 'demo'],
    ['https://ksef.mf.gov.pl/web/', 'production'],
    ['https://mcu.mf.gov.pl/web', 'production'],
    ['http://ap.ksef.mf.gov.pl/', undefined],
    ['https://ap.ksef.mf.gov.pl:8443/', undefined],
    ['https://api.ksef.mf.gov.pl/v2', undefined],
    ['https://ksef.podatki.gov.pl/', undefined],
    ['https://evil.example/?https://ap.ksef.mf.gov.pl/', undefined],
    ['not a url', undefined],
  ])('%s is %s', (url, environment) => {
    expect(apEnvironmentOf(url)).toBe(environment);
  });

  it('match every host over https only, and the start pages are on current hosts', () => {
    expect(AP_MATCH_PATTERNS).toHaveLength(AP_HOSTS.length);
    expect(AP_MATCH_PATTERNS.every((p) => /^https:\/\/[a-z0-9.-]+\/\*$/.test(p))).toBe(true);
    for (const [environment, url] of Object.entries(AP_START_URLS)) {
      expect(apEnvironmentOf(url)).toBe(environment);
      expect(AP_HOSTS.find((h) => h.hostname === new URL(url).hostname)?.current).toBe(true);
    }
  });
});

describe('the options page continues the organisation a hand-off names', async () => {
  const { handoffTarget } = await import('../../entrypoints/options/useHandoff');
  const profile = (id: string, environment: string, nip: string) => ({ id, environment, nip }) as never;
  const profiles = [profile('a', 'test', '5265877635'), profile('b', 'test', '1234563218'), profile('c', 'production', '5265877635')];

  it.each([
    ['the same environment and NIP', { environment: 'test', nip: '5265877635' }, new Set<string>(), 'a'],
    ['the NIP in another environment: a new organisation', { environment: 'demo', nip: '5265877635' }, new Set<string>(), undefined],
    ['no NIP, one organisation there still without a certificate', { environment: 'test' }, new Set(['a']), 'b'],
    ['no NIP, two without a certificate: a new organisation', { environment: 'test' }, new Set<string>(), undefined],
    ['no NIP, none there', { environment: 'demo' }, new Set<string>(), undefined],
  ] as const)('%s', (_name, handoff, withCertificate, id) => {
    expect(handoffTarget(handoff, profiles, withCertificate)?.id).toBe(id);
  });
});
