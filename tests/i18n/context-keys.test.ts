import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sharedPl from '../../lib/i18n/catalog/shared.pl.json';
import sharedEn from '../../lib/i18n/catalog/shared.en.json';
import workerPl from '../../lib/i18n/catalog/worker.pl.json';
import workerEn from '../../lib/i18n/catalog/worker.en.json';
import sendPl from '../../lib/i18n/catalog/send.pl.json';
import sendEn from '../../lib/i18n/catalog/send.en.json';
import popupPl from '../../lib/i18n/catalog/popup.pl.json';
import popupEn from '../../lib/i18n/catalog/popup.en.json';
import { CATALOGS } from '../../lib/i18n';
import { keysNamedIn, reachableFiles } from './reachable';

// Each context ships only its catalogs (issue 11): the worker lib/i18n/worker.ts (shared + worker + send keys,
// lib/send/** takes `t` from lib/i18n/send.ts: shared + send), the popup lib/i18n/popup.ts (shared + popup keys,
// never the sending strings). A key its code names that lives elsewhere would throw there;
// literal keys fail to compile (each entry point types `t`), keys built from templates (`sync_error_${code}`)
// are caught here. Fix: python3 scripts/add-i18n.py --to shared|worker|send|popup KEY [PL EN].
const root = path.resolve(__dirname, '../..');
const HEAVY = /from\s+['"](pkijs|asn1js|xadesjs|xmldsigjs|@xmldom\/xmldom|xpath|@peculiar\/x509|reflect-metadata)['"]/;
const importsHeavy = (files: string[]) => files.filter((f) => HEAVY.test(fs.readFileSync(path.join(root, f), 'utf8')));
const POLISH_ONLY = /_(few|many)$/;

describe.each([
  { context: 'worker', entry: 'entrypoints/background.ts', own: 'lib/i18n/worker.ts', pl: { ...sharedPl, ...workerPl, ...sendPl }, en: { ...sharedEn, ...workerEn, ...sendEn }, foreign: ['lib/i18n/index.ts', 'lib/i18n/popup.ts'] },
  { context: 'popup', entry: 'entrypoints/popup/main.tsx', own: 'lib/i18n/popup.ts', pl: { ...sharedPl, ...popupPl }, en: { ...sharedEn, ...popupEn }, foreign: ['lib/i18n/index.ts', 'lib/i18n/worker.ts', 'lib/i18n/send.ts'] },
])("the $context's catalog", ({ entry, own, pl, en, foreign }) => {
  const files = reachableFiles(entry);

  it('is the only catalog the context imports', () => {
    expect(files).toContain(own);
    expect(foreign.filter((f) => files.includes(f))).toEqual([]);
  });

  it('holds every key the context names, in both languages', () => {
    const named = keysNamedIn(files, Object.keys(CATALOGS.pl));
    expect(named.length).toBeGreaterThan(30);
    expect(named.filter((k) => !(k in pl))).toEqual([]);
    expect(named.filter((k) => !(k in en) && !POLISH_ONLY.test(k))).toEqual([]);
  });
});

describe("the pages' read models", () => {
  it.each(['entrypoints/popup/main.tsx', 'lib/views/index.ts'])(
    '%s reaches neither lib/worker nor the PKI, XML or KSeF schema modules',
    (entry) => {
      const files = reachableFiles(entry);
      expect(files.filter((f) => /^lib\/(worker|xades|pki|ksef\/schemas)\//.test(f))).toEqual([]);
      expect(importsHeavy(files)).toEqual([]);
    },
  );

  it('keep the inbox off lib/worker and the signing code (it parses invoices with the XML stack only)', () => {
    const files = reachableFiles('entrypoints/inbox/main.tsx');
    expect(files.filter((f) => /^lib\/(worker|xades|pki)\//.test(f))).toEqual([]);
  });
});
