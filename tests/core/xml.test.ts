// lib/core/xml.ts: no DTD, strict, bounded depth; problems come back as data for each caller to name.
import { describe, expect, it } from 'vitest';
import { dtdMarkup, parseSafeXml } from '../../lib/core/xml';

const limits = { maxDepth: 3 };

describe('parseSafeXml', () => {
  it('parses a small document, byte order mark dropped', () => {
    const parsed = parseSafeXml('\uFEFF<a><b><c/></b></a>', limits);
    expect(parsed.ok && parsed.doc.documentElement?.localName).toBe('a');
  });

  it.each([
    ['<a>' + '<b>'.repeat(3) + '</b>'.repeat(3) + '</a>', { reason: 'TOO_DEEP', max: 3 }],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', { reason: 'DTD', markup: 'DOCTYPE' }],
    ['<a><!--<!entity x "y">--></a>', { reason: 'DTD', markup: 'entity' }],
    ['<a><b></a>', { reason: 'NOT_WELL_FORMED' }],
    ['<a/>'.padEnd(20, ' '), { reason: 'TOO_LARGE', size: 20, max: 10 }],
  ])('%j → %j', (text, problem) => {
    const parsed = parseSafeXml(text, { ...limits, maxChars: 10 + (problem.reason === 'TOO_LARGE' ? 0 : 100) });
    expect(parsed).toMatchObject({ ok: false, problem });
  });

  it('fails on a parser warning (an unquoted attribute) unless told to let warnings through', () => {
    const text = '<a x=1/>';
    expect(parseSafeXml(text, limits)).toMatchObject({ ok: false, problem: { reason: 'NOT_WELL_FORMED' } });
    expect(parseSafeXml(text, { ...limits, warnings: 'ignore' })).toMatchObject({ ok: true });
    expect(parseSafeXml('<a>&nbsp;</a>', { ...limits, warnings: 'ignore' })).toMatchObject({ ok: false, problem: { reason: 'NOT_WELL_FORMED' } });
    expect(dtdMarkup('<a/>')).toBeUndefined();
  });
});
