// Where Aplikacja Podatnika (AP) runs, per KSeF environment (NOTES §1.1, the defensive list): the current hosts
// and the earlier ones users may still have bookmarked. One home for the content script's matches, the host
// permissions (wxt.config.ts), the sender check of content-script messages (lib/messages.ts) and the
// "Nie masz jeszcze certyfikatu?" link. Pure data: the content script imports it without anything else.
import type { KsefEnvironment } from '../domain/environments';

export interface ApHost {
  hostname: string;
  environment: KsefEnvironment;
  /** The 2026 host (NOTES §1.1 first column); the others are earlier hosts seen in guides and issues. */
  current: boolean;
}

export const AP_HOSTS: readonly ApHost[] = [
  { hostname: 'ap-test.ksef.mf.gov.pl', environment: 'test', current: true },
  { hostname: 'ap-demo.ksef.mf.gov.pl', environment: 'demo', current: true },
  { hostname: 'ap.ksef.mf.gov.pl', environment: 'production', current: true },
  { hostname: 'web2te-ksef.mf.gov.pl', environment: 'test', current: false },
  { hostname: 'ksef-test.mf.gov.pl', environment: 'test', current: false },
  { hostname: 'ksef-demo.mf.gov.pl', environment: 'demo', current: false },
  { hostname: 'ksef.mf.gov.pl', environment: 'production', current: false },
  // The stand-alone certificate module before go-live issued production certificates (NOTES §1.1, MCU row).
  { hostname: 'mcu.mf.gov.pl', environment: 'production', current: false },
];

/** Match patterns for the content script and the host permissions: https only, whole host. */
export const AP_MATCH_PATTERNS: readonly string[] = AP_HOSTS.map(({ hostname }) => `https://${hostname}/*`);

/** Where "Nie masz jeszcze certyfikatu?" sends the user (NOTES §1.1: the current AP address of each environment). */
export const AP_START_URLS: Readonly<Record<KsefEnvironment, string>> = {
  test: 'https://ap-test.ksef.mf.gov.pl/web/',
  demo: 'https://ap-demo.ksef.mf.gov.pl/',
  production: 'https://ap.ksef.mf.gov.pl/',
};

/** The environment of an AP address, or undefined for any other address (http, a port, another host). */
export function apEnvironmentOf(url: string): KsefEnvironment | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '') return undefined;
  return AP_HOSTS.find((h) => h.hostname === parsed.hostname)?.environment;
}
