// The content security policy of the extension's pages (and, in Chrome and Firefox MV3, its service worker,
// which the same `extension_pages` policy covers). connect-src lists where a page or the worker may send a
// request: the extension itself, KSeF's API hosts (NOTES §1; UPO links point at the host called), Latarnia
// (NOTES §1), and only in a development build the loopback simulator (tests/ksef-sim). A release build can
// therefore not talk to anything else even if a bug or an injected string tried to.
import { ENVIRONMENT_URLS } from '../domain/environments';
import { LATARNIA_URLS } from '../ksef/latarnia';

export const KSEF_API_ORIGINS: readonly string[] = Object.values(ENVIRONMENT_URLS).map(({ apiBaseUrl }) => new URL(apiBaseUrl).origin);
export const LATARNIA_ORIGINS: readonly string[] = Object.values(LATARNIA_URLS).map((url) => new URL(url).origin);
/** The simulator on any port; ws: for the dev server's live reload. */
export const LOOPBACK_SOURCES: readonly string[] = ['http://127.0.0.1:*', 'http://localhost:*', 'ws://127.0.0.1:*', 'ws://localhost:*'];

export function extensionPagesCsp(mode: string): string {
  const connect = ["'self'", ...KSEF_API_ORIGINS, ...LATARNIA_ORIGINS, ...(mode === 'development' ? LOOPBACK_SOURCES : [])];
  // 'wasm-unsafe-eval': the send view checks invoices against the FA(3) schema with libxml2 compiled to
  // WebAssembly (lib/send/check/xsd-engine.ts), which MV3's default policy forbids compiling.
  return `script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src ${connect.join(' ')};`;
}
