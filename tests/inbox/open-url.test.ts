import { describe, expect, it } from 'vitest';
import { inboxTargetSearch, MAX_TARGET_NUMBERS, parseInboxTarget } from '../../lib/inbox/open-url';

const N1 = '5261040828-20260115-0000000000A1-01';
const N2 = '7740001454-20260115-0000000000B2-02';

describe('parseInboxTarget', () => {
  it.each([
    ['', {}, []],
    [`?profile=p1&ksef=${N1}`, { profileId: 'p1' }, [N1]],
    [`?profile=p1&ksef=${N1},${N2}`, { profileId: 'p1' }, [N1, N2]],
    [`?profile=p1&ksef=${N1}%2C${N2}`, { profileId: 'p1' }, [N1, N2]],
    [`?ksef=${N1},${N1}`, {}, [N1]],
    ['?profile=p1&ksef=<script>,javascript:alert(1)', { profileId: 'p1' }, []],
    [`?profile=${'x'.repeat(201)}&ksef=${N1}`, {}, [N1]],
  ])('%s', (search, profile, numbers) => {
    expect(parseInboxTarget(search)).toEqual({ ...profile, ksefNumbers: numbers });
  });

  it(`keeps at most ${MAX_TARGET_NUMBERS} numbers`, () => {
    const many = Array.from({ length: 150 }, (_, i) => `5261040828-20260115-${String(i).padStart(12, '0')}-01`);
    expect(parseInboxTarget(`?ksef=${many.join(',')}`).ksefNumbers).toHaveLength(MAX_TARGET_NUMBERS);
  });

  it('round-trips with inboxTargetSearch', () => {
    const target = { profileId: 'fundacja 1', ksefNumbers: [N1, N2] };
    const search = inboxTargetSearch(target);
    expect(search).toBe(`?profile=fundacja+1&ksef=${N1},${N2}`);
    expect(parseInboxTarget(search)).toEqual(target);
    expect(inboxTargetSearch({ ksefNumbers: [] })).toBe('');
  });

  it('checks its argument', () => {
    expect(() => parseInboxTarget(5 as never)).toThrow(new TypeError('"search" must be a string'));
  });
});
