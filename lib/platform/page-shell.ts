// What every extension page's <head> holds, added at build time (Vite `transformIndexHtml`) so that each
// entrypoints/*/index.html names only what is its own (title, root, its main.tsx, manifest options).
// public/zod-jitless.js is a classic script, so it runs during parsing, before any module: zod 4 would
// otherwise probe `new Function('')`, which the extension's CSP forbids (lib/platform/zod-jitless.ts is the
// service worker's twin). Used by wxt.config.ts only; runs in Node.
import type { Plugin } from 'vite';

export function pageShell(): Plugin {
  return {
    name: 'ksef-pilot:page-shell',
    transformIndexHtml: {
      // After Vite has added the page's chunks, so the charset comes first in <head> (within the first 1024
      // bytes, where the parser looks for it) and the jitless script ahead of every module.
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { charset: 'UTF-8' }, injectTo: 'head-prepend' },
        { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1.0' }, injectTo: 'head-prepend' },
        { tag: 'script', attrs: { src: '/zod-jitless.js' }, injectTo: 'head-prepend' },
      ],
    },
  };
}
