// lib/domain/environments.ts: the environment list, hosts (NOTES §1, §12) and "the simulator acts as TEST".
import { describe, expect, it } from 'vitest';
import {
  actsAs, certificateEnvironment, ENVIRONMENT_URLS, ENVIRONMENTS, isEnvironment, isKsefEnvironment, isStrictEnvironment, KSEF_ENVIRONMENTS,
} from '../../lib/domain/environments';

describe('environments', () => {
  it('lists KSeF environments and the simulator', () => {
    expect(KSEF_ENVIRONMENTS).toEqual(['test', 'demo', 'production']);
    expect(ENVIRONMENTS).toEqual(['test', 'demo', 'production', 'simulator']);
  });

  it.each([
    ['test', 'https://api-test.ksef.mf.gov.pl/v2', 'https://qr-test.ksef.mf.gov.pl'],
    ['demo', 'https://api-demo.ksef.mf.gov.pl/v2', 'https://qr-demo.ksef.mf.gov.pl'],
    ['production', 'https://api.ksef.mf.gov.pl/v2', 'https://qr.ksef.mf.gov.pl'],
  ] as const)('%s: API %s, KOD I %s (NOTES §1)', (env, api, qr) => {
    expect(ENVIRONMENT_URLS[env]).toMatchObject({ apiBaseUrl: api, qrBaseUrl: qr });
  });

  it.each([
    ['test', true, true, 'test', 'test', false],
    ['demo', true, true, 'demo', 'demo', true],
    ['production', true, true, 'production', 'production', true],
    ['simulator', false, true, 'test', undefined, false],
  ] as const)('%s: KSeF %s, known %s, acts as %s, certificate rules %s, strict %s', (env, ksef, known, acting, cert, strict) => {
    expect(isKsefEnvironment(env)).toBe(ksef);
    expect(isEnvironment(env)).toBe(known);
    expect(actsAs(env)).toBe(acting);
    expect(certificateEnvironment(env)).toBe(cert);
    expect(isStrictEnvironment(env)).toBe(strict);
  });

  it.each(['staging', '', 'constructor', undefined, 1])('%j is no environment', (value) => {
    expect(isEnvironment(value)).toBe(false);
    expect(isKsefEnvironment(value)).toBe(false);
  });
});
