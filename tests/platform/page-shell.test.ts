// The page shell keeps Chrome from offering to translate the Polish pages (issue 16, finding 7).
import { describe, expect, it } from 'vitest';
import { markHtmlElement, pageShell, PAGE_SHELL_LANG } from '@/lib/platform/page-shell';

describe('markHtmlElement', () => {
  it('adds translate="no" and keeps the page\'s own lang', () => {
    expect(markHtmlElement('<!doctype html>\n<html lang="pl">\n<head></head>')).toBe(
      '<!doctype html>\n<html lang="pl" translate="no">\n<head></head>',
    );
  });

  it('adds the default lang when the page has none, and never doubles an attribute', () => {
    expect(markHtmlElement('<html>')).toBe(`<html lang="${PAGE_SHELL_LANG}" translate="no">`);
    expect(markHtmlElement('<html lang="en" translate="no">')).toBe('<html lang="en" translate="no">');
  });
});

describe('pageShell', () => {
  it('puts the charset first and Google\'s notranslate meta in every head', () => {
    const hook = pageShell().transformIndexHtml as { handler: (html: string) => { html: string; tags: { tag: string; attrs: Record<string, string> }[] } };
    const out = hook.handler('<html lang="pl"><head></head></html>');
    expect(out.html).toContain('translate="no"');
    expect(out.tags[0]).toMatchObject({ tag: 'meta', attrs: { charset: 'UTF-8' } });
    expect(out.tags).toContainEqual(expect.objectContaining({ tag: 'meta', attrs: { name: 'google', content: 'notranslate' } }));
  });
});
