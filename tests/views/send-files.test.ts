// The chosen files after the local check: the organisation to preselect, one sendInvoices message per
// organisation (at most 50 files each), the counts, and the rows the list renders.
import { describe, expect, it } from 'vitest';
import { checkCounts, checkedRows, matchingProfileId, sendGroups, type CheckedFile } from '../../lib/views/send-files';

const PROFILES = [
  { id: 'a', nip: '5265877635', name: 'Fundacja A' },
  { id: 'b', nip: '7680002466', name: 'Spółka B' },
];
const facts = (sellerNip: string, number = 'FV/1') => ({ sellerNip, kind: 'VAT', number, issueDate: '2026-03-01' });
const ok = (name: string, profileId: string, sellerNip: string): CheckedFile => ({
  fileName: name, ok: true, problems: [], facts: facts(sellerNip, name), profileId, xml: `<x n="${name}"/>`,
});
const bad = (name: string, sellerNip?: string): CheckedFile => ({
  fileName: name, ok: false, problems: [{ code: 'XSD_INVALID', line: 3, path: 'Faktura/Fa/P_1' }], ...(sellerNip ? { facts: facts(sellerNip) } : {}),
});

describe('matchingProfileId', () => {
  it.each([
    ['every readable file names one organisation', [ok('1', 'a', '5265877635'), bad('2', '5265877635'), bad('3')], 'a'],
    ['files of two organisations', [ok('1', 'a', '5265877635'), ok('2', 'b', '7680002466')], undefined],
    ['a seller that is no organisation', [bad('1', '1111111111')], undefined],
    ['nothing readable', [bad('1')], undefined],
  ] as const)('%s → %s', (_, checks, expected) => {
    expect(matchingProfileId(PROFILES, checks)).toBe(expected);
  });
});

describe('sendGroups and checkCounts', () => {
  it('sends only the files that passed, one message per organisation', () => {
    const checks = [ok('1', 'a', '5265877635'), bad('2'), ok('3', 'b', '7680002466'), ok('4', 'a', '5265877635')];
    expect(sendGroups(checks)).toEqual([
      { profileId: 'a', files: [{ fileName: '1', xml: '<x n="1"/>' }, { fileName: '4', xml: '<x n="4"/>' }] },
      { profileId: 'b', files: [{ fileName: '3', xml: '<x n="3"/>' }] },
    ]);
    expect(checkCounts(checks)).toEqual({ ready: 3, refused: 1 });
  });

  it('cuts more than 50 files into messages of 50 (Sending §2)', () => {
    const checks = Array.from({ length: 120 }, (_, i) => ok(String(i), 'a', '5265877635'));
    expect(sendGroups(checks).map((g) => g.files.length)).toEqual([50, 50, 20]);
  });
});

describe('checkedRows', () => {
  it('names the organisation of a ready file and says every problem in words', () => {
    const rows = checkedRows([ok('1.xml', 'a', '5265877635'), bad('2.xml')], PROFILES, (p) => `${p.code} w wierszu ${p.line}`);
    expect(rows).toEqual([
      { key: '0/1.xml', fileName: '1.xml', ok: true, facts: facts('5265877635', '1.xml'), profile: PROFILES[0], problems: [] },
      { key: '1/2.xml', fileName: '2.xml', ok: false, problems: [{ code: 'XSD_INVALID', text: 'XSD_INVALID w wierszu 3' }] },
    ]);
  });

  it('does not offer a passed file whose organisation is gone', () => {
    expect(checkedRows([ok('1.xml', 'gone', '5265877635')], PROFILES, () => '')[0]!.ok).toBe(false);
  });
});
