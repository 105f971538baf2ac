import { describe, expect, it } from 'vitest';
import { extensionPagesCsp } from '../../lib/platform/csp';

const directives = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
  const [name, ...values] = d.split(/\s+/);
  return [name, values];
}));

const KSEF = ['https://api-test.ksef.mf.gov.pl', 'https://api-demo.ksef.mf.gov.pl', 'https://api.ksef.mf.gov.pl'];
const LATARNIA = ['https://api-latarnia-test.ksef.mf.gov.pl', 'https://api-latarnia.ksef.mf.gov.pl'];

describe('extension pages CSP', () => {
  it('release: connects only to the extension, KSeF and Latarnia; keeps WebAssembly for the FA(3) check', () => {
    const d = directives(extensionPagesCsp('production'));
    expect(d).toEqual({
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'object-src': ["'self'"],
      'connect-src': ["'self'", ...KSEF, ...LATARNIA],
    });
  });

  it('development: plus the loopback simulator', () => {
    expect(directives(extensionPagesCsp('development'))['connect-src']).toEqual([
      "'self'", ...KSEF, ...LATARNIA, 'http://127.0.0.1:*', 'http://localhost:*', 'ws://127.0.0.1:*', 'ws://localhost:*',
    ]);
  });
});
