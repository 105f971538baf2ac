// The send view's single libxml2 parse (lib/send/check/fast.ts) must answer exactly as the full check (xmldom
// tree + schema) would, and leave every file it does not pass to the full check: compared here file by file,
// the full check obtained by switching the single parse off.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckContext, FileCheck, InvoiceFile } from '../../../lib/send/check';
import { bigInvoice, ctx, earlierFound, file, OTHER_NIP, SELLER_NIP, VALID_XML, variant } from './helpers';

type CheckModule = typeof import('../../../lib/send/check');
type FastModule = typeof import('../../../lib/send/check/fast');

async function load(singleParse: boolean): Promise<{ check: CheckModule; answered: string[] }> {
  vi.resetModules();
  const answered: string[] = [];
  vi.doMock('../../../lib/send/check/fast', async (original) => {
    const real = await original<FastModule>();
    return {
      fastCheck: async (...args: Parameters<FastModule['fastCheck']>) => {
        if (!singleParse) return undefined;
        const out = await real.fastCheck(...args);
        if (out) answered.push(args[0].name);
        return out;
      },
    };
  });
  return { check: await import('../../../lib/send/check'), answered };
}

afterEach(() => {
  vi.doUnmock('../../../lib/send/check/fast');
  vi.resetModules();
});

/** Each file alone (or all as one batch) by the single-parse check and by the full check; the files the first answered. */
async function both(files: InvoiceFile[], context: CheckContext, batch = false): Promise<{ single: FileCheck[]; full: FileCheck[]; answered: string[] }> {
  const run = async (check: CheckModule) => {
    if (batch) return check.checkInvoiceFiles(files, context);
    const out: FileCheck[] = [];
    for (const f of files) out.push(await check.checkInvoiceFile(f, context));
    return out;
  };
  const fast = await load(true);
  const single = await run(fast.check);
  const full = await run((await load(false)).check);
  return { single, full, answered: fast.answered };
}

const A_ROW = /<FaWiersz>[\s\S]*?<\/FaWiersz>/;

describe('the single-parse check', () => {
  it('passes a valid invoice alone, with the same result as the full check', async () => {
    const { single, full, answered } = await both([file(VALID_XML), file(bigInvoice(300_000), 'big.xml')], ctx());
    expect(answered).toEqual(['faktura.xml', 'big.xml']);
    expect(single).toEqual(full);
    expect(single.map((r) => r.ok)).toEqual([true, true]);
  });

  it('reports a rule on the facts with the full check\'s line and path, asking for earlier sends once', async () => {
    const findEarlier = vi.fn(earlierFound({ ksefNumber: '5265877635-20260227-0100001A2B3C-4D', at: '2026-02-27T13:05:00Z', where: 'invoices' }));
    const cases = [
      file(VALID_XML, 'sent-before.xml'),
      file(variant(['<P_1>2026-03-02</P_1>', '<P_1>2026-03-09</P_1>']), 'future.xml'),
      file(variant([`<NIP>${SELLER_NIP}</NIP>`, `<NIP>${OTHER_NIP.slice(0, 9)}9</NIP>`]), 'no-organisation.xml'),
    ];
    const { single, full, answered } = await both(cases, ctx({ findEarlier }));
    expect(answered).toEqual(['sent-before.xml', 'future.xml', 'no-organisation.xml']);
    expect(single).toEqual(full);
    expect(single.map((r) => r.problems.map((p) => [p.code, p.line, p.path]))).toEqual([
      [['ALREADY_SENT', 47, 'Faktura/Fa/P_2']],
      [['ISSUE_DATE_IN_FUTURE', 45, 'Faktura/Fa/P_1'], ['ALREADY_SENT', 47, 'Faktura/Fa/P_2']],
      [['NO_ORGANISATION', 12, 'Faktura/Podmiot1/DaneIdentyfikacyjne/NIP'], ['ALREADY_SENT', 47, 'Faktura/Fa/P_2']],
    ]);
    expect(findEarlier).toHaveBeenCalledTimes(2 * cases.length); // once per file in each of the two runs
  });

  it('marks a repeat within a batch where the full check does', async () => {
    const { single, full, answered } = await both([file(VALID_XML, 'a.xml'), file(VALID_XML, 'b.xml')], ctx(), true);
    expect(answered).toEqual(['a.xml', 'b.xml']);
    expect(single).toEqual(full);
    expect(single[1]!.problems).toMatchObject([{ code: 'DUPLICATE_IN_BATCH', line: 47, path: 'Faktura/Fa/P_2' }]);
  });

  it('leaves every other file to the full check, which answers as before', async () => {
    const deep = variant(['<P_1M>Warszawa</P_1M>', `${'<x>'.repeat(40)}${'</x>'.repeat(40)}<P_1M>Warszawa</P_1M>`]);
    const cases: [string, string | Uint8Array][] = [
      ['bom', `\uFEFF${VALID_XML}`],
      ['processing instruction', variant(['<P_1M>', '<?app x?><P_1M>'])],
      ['prolog instruction', variant([/\n/, '\n<?xml-stylesheet href="a.xsl"?>\n'])],
      ['replacement character', variant(['<P_1M>Warszawa', '<P_1M>Warsz\uFFFDawa'])],
      ['discouraged character', variant(['<P_1M>Warszawa', '<P_1M>Warsz\u0086awa'])],
      ['doctype', variant([/\n/, '\n<!DOCTYPE Faktura>\n'])],
      ['too deep', deep],
      ['unbound prefix', variant(['<P_1M>Warszawa</P_1M>', '<q:P_1M>Warszawa</q:P_1M>'])],
      ['xsd error', variant(['<KodWaluty>PLN</KodWaluty>', '<KodWaluty>PLX</KodWaluty>'])],
      ['not fa3', variant(['wersjaSchemy="1-0E"', 'wersjaSchemy="1-0"'])],
      ['broken', variant(['</P_2>', '</P_3>'])],
      ['windows-1250', new Uint8Array([...new TextEncoder().encode(VALID_XML.slice(0, 200)), 0xb9, 0x3c])],
    ];
    const { single, full, answered } = await both(cases.map(([name, text]) => file(text, `${name}.xml`)), ctx());
    expect(answered).toEqual([]);
    expect(single).toEqual(full);
    expect(single.every((r) => !r.ok)).toBe(true);
  });

  it('reads the facts from libxml2\'s tree as the full check reads them from xmldom\'s', async () => {
    const cases = [
      variant(['<P_2>FA/1/03/2026</P_2>', '<P_2> FA/1<!-- note -->/03/<![CDATA[2026]]> </P_2>']),
      variant(['<Nazwa>Elektrownia S.A.</Nazwa>', '<Nazwa>Elektrownia &amp; Syn &#x53;.A.</Nazwa>']),
      variant(['<P_1M>Warszawa</P_1M>', '<P_1M\n\t\t\t>Warszawa</P_1M   >']),
      VALID_XML.replace(/\n/g, '\r\n'),
      VALID_XML.replace(A_ROW, (row) => `${row}\n\t\t${row.replace(/<NrWierszaFa>\d+</, '<NrWierszaFa>2<')}`),
    ];
    const { single, full, answered } = await both(cases.map((text, i) => file(text, `facts-${i}.xml`)), ctx());
    expect(answered).toHaveLength(cases.length);
    expect(single).toEqual(full);
    expect(single.map((r) => r.facts?.number)).toEqual(['FA/1/03/2026', 'FA/1/03/2026', 'FA/1/03/2026', 'FA/1/03/2026', 'FA/1/03/2026']);
    expect(single[1]!.facts?.sellerName).toBe('Elektrownia & Syn S.A.');
  });
});
