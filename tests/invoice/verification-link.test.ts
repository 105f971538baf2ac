import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verificationLink } from '../../lib/invoice/verification-link';
import { fixtureBytes } from './fixtures';

// NOTES §12 example (from the KSeF documentation kody-qr.md).
const DOC_LINK = 'https://qr-test.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE';
const DOC_HASH_BASE64 = 'UtQp9Gpc51y+u3xApZjIjgkpZ01js+J8KflSPW8WzIE=';

describe('verificationLink (KOD I)', () => {
  it('builds the documented example from the base64 hash of the metadata', async () => {
    const link = await verificationLink({ environment: 'test', sellerNip: '1111111111', issueDate: '2026-02-01', invoiceHashBase64: DOC_HASH_BASE64 });
    expect(link).toBe(DOC_LINK);
  });

  it('accepts the hash already in base64url, with or without padding', async () => {
    for (const hash of ['UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE', 'UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE=']) {
      const link = await verificationLink({ environment: 'test', sellerNip: '1111111111', issueDate: '2026-02-01', invoiceHashBase64: hash });
      expect(link).toBe(DOC_LINK);
    }
  });

  it('hashes the exact bytes of the invoice file with SHA-256', async () => {
    const bytes = fixtureBytes('ksef/sample-fa3-invoice-pdfgen.xml');
    const expected = createHash('sha256').update(bytes).digest('base64url');
    const link = await verificationLink({ environment: 'production', sellerNip: '5265877635', issueDate: '2025-10-31', xmlBytes: bytes });
    expect(link).toBe(`https://qr.ksef.mf.gov.pl/invoice/5265877635/31-10-2025/${expected}`);
  });

  it.each([
    ['test', 'https://qr-test.ksef.mf.gov.pl'],
    ['demo', 'https://qr-demo.ksef.mf.gov.pl'],
    ['production', 'https://qr.ksef.mf.gov.pl'],
  ] as const)('uses the %s host', async (environment, base) => {
    const link = await verificationLink({ environment, sellerNip: '1111111111', issueDate: '2026-02-01', invoiceHashBase64: DOC_HASH_BASE64 });
    expect(link).toBe(`${base}/invoice/1111111111/01-02-2026/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE`);
  });

  it('prefers the given hash and otherwise uses the crypto it is handed', async () => {
    const calls: string[] = [];
    const subtle = {
      digest: async (algorithm: string) => {
        calls.push(algorithm);
        return new Uint8Array(32).fill(0xff).buffer;
      },
    } as unknown as SubtleCrypto;
    const input = { environment: 'demo', sellerNip: '1111111111', issueDate: '2026-02-01', xmlBytes: new Uint8Array([1]) } as const;
    expect(await verificationLink(input, subtle)).toBe(`https://qr-demo.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/${'_'.repeat(42)}8`);
    expect(calls).toEqual(['SHA-256']);
    await verificationLink({ ...input, invoiceHashBase64: DOC_HASH_BASE64 }, subtle);
    expect(calls).toHaveLength(1);
  });

  const valid = { environment: 'test', sellerNip: '1111111111', issueDate: '2026-02-01', invoiceHashBase64: DOC_HASH_BASE64 } as const;
  it.each([
    [{ ...valid, environment: 'prod' }, '"environment" must be "test", "demo" or "production"'],
    [{ ...valid, environment: 'toString' }, '"environment" must be "test", "demo" or "production"'],
    [{ ...valid, sellerNip: '123' }, '"sellerNip" must be a NIP of 10 digits'],
    [{ ...valid, sellerNip: '11111111111' }, '"sellerNip" must be a NIP of 10 digits'],
    [{ ...valid, sellerNip: '<script>12' }, '"sellerNip" must be a NIP of 10 digits'],
    [{ ...valid, issueDate: '01-02-2026' }, '"issueDate" must be a date as YYYY-MM-DD'],
    [{ ...valid, issueDate: '2026-02-01/../x' }, '"issueDate" must be a date as YYYY-MM-DD'],
    [{ ...valid, invoiceHashBase64: 'abc' }, '"invoiceHashBase64" must be a base64 SHA-256 digest (32 bytes)'],
    [{ ...valid, invoiceHashBase64: '!!!!' }, '"invoiceHashBase64" must be a base64 SHA-256 digest (32 bytes)'],
    [{ ...valid, invoiceHashBase64: 5 }, '"invoiceHashBase64" must be a string'],
    [{ ...valid, invoiceHashBase64: undefined }, '"invoiceHashBase64" or "xmlBytes" must be given'],
  ])('refuses %j', async (input, message) => {
    await expect(verificationLink(input as never)).rejects.toThrow(new TypeError(message));
  });

  it('refuses a missing input object', async () => {
    await expect(verificationLink(undefined as never)).rejects.toThrow(new TypeError('"input" must be an object'));
  });
});
