// KSeF 2.0 hosts per environment (NOTES §1). The pre-December-2025 hostnames (ksef-test.mf.gov.pl/api/v2 …)
// stopped redirecting on 2026-01-17 [GH CIRFMF/ksef-api#460], so they are deliberately absent.

export type KsefEnvironment = 'test' | 'demo' | 'production';

export const KSEF_ENVIRONMENTS: readonly KsefEnvironment[] = ['test', 'demo', 'production'];

export interface EnvironmentUrls {
  /** API base; every operation path (`/auth/challenge` …) is appended to it. */
  apiBaseUrl: string;
  /** Swagger/Redoc of that environment, for the diagnostics page. */
  docsUrl: string;
  /** Base of the invoice verification links printed as QR codes (NOTES §12). */
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

export type KsefTarget = { environment: KsefEnvironment } | { baseUrl: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The API base URL for a target, without a trailing slash. A custom `baseUrl` (the simulator: include its
 * `/v2` prefix) must be https, or plain http on a loopback host only, so a typo cannot send tokens in clear.
 */
export function resolveBaseUrl(target: KsefTarget): string {
  if (typeof target !== 'object' || target === null) {
    throw new TypeError('"target" must be { environment } or { baseUrl }');
  }
  if ('environment' in target) {
    if (!isKsefEnvironment(target.environment)) {
      throw new TypeError(`"environment" must be one of ${KSEF_ENVIRONMENTS.join(', ')}`);
    }
    return ENVIRONMENT_URLS[target.environment].apiBaseUrl;
  }
  const raw = (target as { baseUrl?: unknown }).baseUrl;
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    throw new TypeError('"baseUrl" must be an absolute URL');
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure || url.search || url.hash || url.username || url.password) {
    throw new TypeError('"baseUrl" must be an https URL (or http on 127.0.0.1/localhost) without query or credentials');
  }
  return url.href.replace(/\/+$/, '');
}
