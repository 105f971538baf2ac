// Hostile files are refused quickly with a code, before any expansion: entities, external entities, a 50 MB
// file, deep nesting. Times are generous bounds for a loaded 2-core machine, far below what expansion would take.
import { describe, expect, it } from 'vitest';
import { checkInvoiceFile } from '../../../lib/send/check';
import { ctx, file } from './helpers';

async function timed(bytes: string | Uint8Array) {
  const started = performance.now();
  const result = await checkInvoiceFile(file(bytes), ctx());
  return { result, ms: performance.now() - started };
}

describe('hostile files', () => {
  it('a billion-laughs entity bomb', async () => {
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
      + Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n')
      + ']>\n<Faktura>&lol9;</Faktura>';
    const { result, ms } = await timed(bomb);
    expect(result.problems).toEqual([{ code: 'NOT_XML', line: 2, data: { rule: 'dtd', markup: 'DOCTYPE' } }]);
    expect(ms).toBeLessThan(2000);
  });

  it('an external entity (XXE)', async () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE Faktura [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Faktura>&x;</Faktura>';
    const { result } = await timed(xxe);
    expect(result.problems).toEqual([{ code: 'NOT_XML', line: 2, data: { rule: 'dtd', markup: 'DOCTYPE' } }]);
  });

  it('an undeclared entity reference, without a DTD', async () => {
    const { result } = await timed('<Faktura xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/">&x;</Faktura>');
    expect(result.problems).toMatchObject([{ code: 'NOT_XML', line: 1 }]);
  });

  it('a 50 MB file, without decoding it', async () => {
    const huge = new Uint8Array(50_000_000).fill(0x3c); // "<<<<…"
    const { result, ms } = await timed(huge);
    expect(result).toEqual({ fileName: 'faktura.xml', ok: false, problems: [{ code: 'TOO_LARGE', data: { size: '50000000', max: '1000000' } }] });
    expect(ms).toBeLessThan(1000);
  });

  it('50 000 nested elements within the size limit, no stack overflow', async () => {
    const deep = `<Faktura xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/">${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</Faktura>`;
    const { result, ms } = await timed(deep);
    expect(result).toEqual({ fileName: 'faktura.xml', ok: false, problems: [{ code: 'NOT_XML', data: { rule: 'deep', max: '40' } }] });
    expect(ms).toBeLessThan(8000);
  });

  it('the deep-nesting problem in words', async () => {
    const { result } = await timed(`${'<a>'.repeat(50)}${'</a>'.repeat(50)}`);
    const { sendProblemText } = await import('../../../lib/send/check');
    expect(sendProblemText(result.problems[0]!, 'pl')).toBe('Elementy w pliku są zagnieżdżone zbyt głęboko (ponad 40 poziomów) — to nie jest faktura FA(3). Wybierz właściwy plik faktury.');
    expect(sendProblemText(result.problems[0]!, 'en')).toBe('The file\'s elements are nested too deeply (more than 40 levels) — this is not an FA(3) invoice. Choose the right invoice file.');
  });
});
