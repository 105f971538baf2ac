// When the schema engine cannot start (a page CSP without 'wasm-unsafe-eval', say), no file may pass unchecked.
import { describe, expect, it, vi } from 'vitest';
import { checkInvoiceFile } from '../../../lib/send/check';
import { ctx, file, texts, VALID_XML } from './helpers';

vi.mock('../../../lib/send/check/xsd-engine', () => {
  throw new Error("WebAssembly.instantiate(): Refused to compile or instantiate WebAssembly module because 'wasm-unsafe-eval' is not an allowed source");
});

describe('XSD_INVALID when the engine is unavailable', () => {
  it('blocks the file and says so', async () => {
    const result = await checkInvoiceFile(file(VALID_XML), ctx());
    expect(result.ok).toBe(false);
    expect(result.xml).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'XSD_INVALID', data: { rule: 'unavailable' } });
    // vitest wraps the factory's error in its own message; in a page the browser's CompileError lands here.
    const detail = result.problems[0]!.detail!;
    expect(detail.length).toBeGreaterThan(0);
    expect(texts(result.problems[0]!).pl).toBe(`Nie udało się uruchomić sprawdzania zgodności ze schematem FA(3), więc plik nie może zostać wysłany. Odśwież stronę i spróbuj ponownie; jeśli to się powtarza, zgłoś błąd. Szczegóły techniczne: ${detail}`);
    expect(texts(result.problems[0]!).en).toMatch(/^The check against the FA\(3\) schema could not be started, so the file cannot be sent\./);
  });
});
