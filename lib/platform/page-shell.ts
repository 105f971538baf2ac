// What every extension page's <head> holds, added at build time (Vite `transformIndexHtml`) so that each
// entrypoints/*/index.html names only what is its own (title, root, its main.tsx, manifest options).
// public/zod-jitless.js is a classic script, so it runs during parsing, before any module: zod 4 would
// otherwise probe `new Function('')`, which the extension's CSP forbids (lib/platform/zod-jitless.ts is the
// service worker's twin). Used by wxt.config.ts only; runs in Node.
//
// No machine translation (issue 16, finding 7: Chrome offered to translate the Polish pages, which would garble
// NIPs, invoice numbers and amounts): `translate="no"` on <html> (HTML's translate attribute) and Google's
// `<meta name="google" content="notranslate">`. The page is written in Polish, so <html> starts with lang="pl";
// components/ui/useUiLanguage.ts sets `lang` to the reader's choice once it is known.
import type { Plugin } from 'vite';

/** The language every page's HTML is written in before the UI language setting is read. */
export const PAGE_SHELL_LANG = 'pl';

/** Adds `translate="no"` and, when missing, `lang` to the document's <html> start tag. */
export function markHtmlElement(html: string): string {
  return html.replace(/<html\b([^>]*)>/i, (_tag, attrs: string) => {
    let out = attrs;
    if (!/\slang\s*=/i.test(out)) out += ` lang="${PAGE_SHELL_LANG}"`;
    if (!/\stranslate\s*=/i.test(out)) out += ' translate="no"';
    return `<html${out}>`;
  });
}

export function pageShell(): Plugin {
  return {
    name: 'ksef-pilot:page-shell',
    transformIndexHtml: {
      // After Vite has added the page's chunks, so the charset comes first in <head> (within the first 1024
      // bytes, where the parser looks for it) and the jitless script ahead of every module.
      order: 'post',
      handler: (html) => ({
        html: markHtmlElement(html),
        tags: [
          { tag: 'meta', attrs: { charset: 'UTF-8' }, injectTo: 'head-prepend' },
          { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1.0' }, injectTo: 'head-prepend' },
          { tag: 'meta', attrs: { name: 'google', content: 'notranslate' }, injectTo: 'head-prepend' },
          { tag: 'script', attrs: { src: '/zod-jitless.js' }, injectTo: 'head-prepend' },
        ],
      }),
    },
  };
}
