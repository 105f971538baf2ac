// Issue 13: the content script runs on a page that is not ours and stays under 60 KB (the built figure is in
// scripts/bundle-size.mjs). Its module graph proves the big parts stay out: no React, no zod, no other catalog.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pl from '../../lib/i18n/catalog/ap.pl.json';
import { CATALOGS } from '../../lib/i18n';
import { keysNamedIn, reachableFiles } from '../i18n/reachable';

const root = path.resolve(__dirname, '../..');
const files = reachableFiles('entrypoints/ap-helper.content/index.ts');
const source = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

describe('the AP helper content script', () => {
  it('loads only its own catalog, and neither lib/messages (zod) nor the worker', () => {
    expect(files).toContain('lib/i18n/ap.ts');
    const foreign = ['lib/i18n/index.ts', 'lib/i18n/popup.ts', 'lib/i18n/worker.ts', 'lib/i18n/shared.ts', 'lib/i18n/send.ts', 'lib/messages.ts'];
    expect(foreign.filter((f) => files.includes(f))).toEqual([]);
    expect(files.filter((f) => /^lib\/(worker|store|ksef|pki|xades)\//.test(f))).toEqual([]);
  });

  it('imports no React and no zod', () => {
    expect(files.filter((f) => /from\s+['"](react|react-dom|zod|zod\/mini)['"]/.test(source(f)))).toEqual([]);
  });

  it('names only keys its catalog holds', () => {
    const named = keysNamedIn(files, Object.keys(CATALOGS.pl).concat(Object.keys(pl)));
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((k) => !(k in pl))).toEqual([]);
  });
});
