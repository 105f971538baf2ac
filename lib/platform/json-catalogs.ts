// The message catalogs (lib/i18n/catalog/*.json) reach each bundle as `JSON.parse` of one string literal, not as
// an object literal (issue 15, review performance-2026-12 §6): V8 scans a string without building a syntax tree,
// and JSON.parse is several times faster than compiling and running the same object literal. The worker carries
// about 118 KB of catalogs (shared, worker and send strings, both languages) and parses them on every wake.
// Vite's `json.stringify` would do this, but Vite 8's bundler (rolldown) loads .json natively and ignores it,
// so the catalogs are resolved to a virtual module of our own. Default import only (what lib/i18n uses); the
// types still come from TypeScript's resolveJsonModule. Used by wxt.config.ts only; runs in Node.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const CATALOG = /[\\/]lib[\\/]i18n[\\/]catalog[\\/][\w-]+\.(pl|en)\.json$/;
const PREFIX = '\0kp-catalog:';

/** The module text for one catalog file: its JSON, checked, as one JSON.parse call. */
export function catalogModule(json: string): string {
  // Parsed once here so a broken catalog fails the build, and re-serialised so the literal holds no whitespace.
  const text = JSON.stringify(JSON.parse(json) as unknown);
  return `export default /* @__PURE__ */ JSON.parse(${JSON.stringify(text)});\n`;
}

export function jsonCatalogs(): Plugin {
  return {
    name: 'ksef-pilot:json-catalogs',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('.json') || !importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // A name not ending in .json, or the bundler's own JSON plugin would take it back.
      return resolved && CATALOG.test(resolved.id) ? `${PREFIX}${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      this.addWatchFile(file);
      return catalogModule(readFileSync(file, 'utf8'));
    },
  };
}

/**
 * `code` with every character outside ASCII written as a \uXXXX escape (astral ones as two). The worker's
 * bundle is otherwise ASCII but for its Polish strings, and one such character makes the whole script a
 * two-byte string for V8 to scan at every wake; escaped, it stays one byte a character (issue 15). Valid for a
 * minified bundle whose only non-ASCII characters are in string, template and regular-expression literals and
 * comments (no String.raw over Polish text): in each of those an escape means the character itself.
 */
export function asciiOnly(code: string): string {
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Applies asciiOnly to the named output chunks after minification (the service worker's background.js). */
export function asciiChunks(fileNames: readonly string[]): Plugin {
  return {
    name: 'ksef-pilot:ascii-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && fileNames.includes(chunk.fileName)) chunk.code = asciiOnly(chunk.code);
      }
    },
  };
}

