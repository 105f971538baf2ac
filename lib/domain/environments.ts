// The environments a profile can use and their hosts (NOTES §1, §12), defined once for every layer. Pure data:
// pages, the worker and the store all import it without pulling any other module.
// The pre-December-2025 hostnames (ksef-test.mf.gov.pl/api/v2 …) stopped redirecting on 2026-01-17
// [GH CIRFMF/ksef-api#460], so they are deliberately absent.

/** KSeF's own environments (NOTES §1). */
export const KSEF_ENVIRONMENTS = ['test', 'demo', 'production'] as const;
export type KsefEnvironment = (typeof KSEF_ENVIRONMENTS)[number];

/** What a profile may point at: a KSeF environment, or our local simulator (tests/ksef-sim). */
export const ENVIRONMENTS = [...KSEF_ENVIRONMENTS, 'simulator'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface EnvironmentUrls {
  /** API base; every operation path (`/auth/challenge` …) is appended to it. */
  apiBaseUrl: string;
  /** Swagger/Redoc of that environment, for the diagnostics page. */
  docsUrl: string;
  /** Base of the KOD I verification links printed as QR codes (NOTES §12). */
  qrBaseUrl: string;
}

export const ENVIRONMENT_URLS: Readonly<Record<KsefEnvironment, EnvironmentUrls>> = {
  test: {
    apiBaseUrl: 'https://api-test.ksef.mf.gov.pl/v2',
    docsUrl: 'https://api-test.ksef.mf.gov.pl/docs/v2',
    qrBaseUrl: 'https://qr-test.ksef.mf.gov.pl',
  },
  demo: {
    apiBaseUrl: 'https://api-demo.ksef.mf.gov.pl/v2',
    docsUrl: 'https://api-demo.ksef.mf.gov.pl/docs/v2',
    qrBaseUrl: 'https://qr-demo.ksef.mf.gov.pl',
  },
  production: {
    apiBaseUrl: 'https://api.ksef.mf.gov.pl/v2',
    docsUrl: 'https://api.ksef.mf.gov.pl/docs/v2',
    qrBaseUrl: 'https://qr.ksef.mf.gov.pl',
  },
};

export function isKsefEnvironment(value: unknown): value is KsefEnvironment {
  return typeof value === 'string' && (KSEF_ENVIRONMENTS as readonly string[]).includes(value);
}

export function isEnvironment(value: unknown): value is Environment {
  return typeof value === 'string' && (ENVIRONMENTS as readonly string[]).includes(value);
}

/**
 * The KSeF environment whose public rules apply: the simulator stands in for TEST (NOTES §13), so its invoices
 * get TEST's KOD I host and it is judged by TEST's rules.
 */
export function actsAs(environment: Environment): KsefEnvironment {
  return environment === 'simulator' ? 'test' : environment;
}

/**
 * The environment a certificate is checked against, or undefined for the simulator: it accepts any
 * certificate TEST would, so no environment finding is made for it (NOTES §4.2).
 */
export function certificateEnvironment(environment: string): KsefEnvironment | undefined {
  return isKsefEnvironment(environment) ? environment : undefined;
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether an API address may carry tokens: https, or plain http on a loopback host only (the simulator in a
 * development build), so a typo cannot send them in clear.
 */
export function isSecureApiUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

/** DEMO and production carry real limits and real data: the strict polling rule applies there (NOTES §7.2). */
export function isStrictEnvironment(environment: Environment): environment is 'demo' | 'production' {
  return environment === 'demo' || environment === 'production';
}
