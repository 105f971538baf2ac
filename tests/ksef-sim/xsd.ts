// Optional full schema validation with xmllint (libxml2), used only when the tool is installed: the
// simulator never requires it. The FA(3) schema imports its base types from a remote URL, so a patched
// copy pointing at the local StrukturyDanych file is written once per process (tests/fixtures/ksef/SOURCES.md).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/ksef/', import.meta.url));
const REMOTE_BASE = 'http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/StrukturyDanych_v10-0E.xsd';
const BASE_FILES = ['StrukturyDanych_v10-0E.xsd', 'ElementarneTypyDanych_v10-0E.xsd', 'KodyKrajow_v10-0E.xsd'];

let available: boolean | null = null;
let schemaPath: string | null = null;

export function xmllintAvailable(): boolean {
  if (available === null) {
    try {
      execFileSync('xmllint', ['--version'], { stdio: 'ignore', timeout: 5000 });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

function fa3SchemaPath(): string {
  if (!schemaPath) {
    const dir = mkdtempSync(join(tmpdir(), 'ksef-sim-xsd-'));
    for (const file of BASE_FILES) copyFileSync(join(FIXTURES, file), join(dir, file));
    const main = readFileSync(join(FIXTURES, 'schemat_FA(3)_v1-0E.xsd'), 'utf8').replace(REMOTE_BASE, 'StrukturyDanych_v10-0E.xsd');
    schemaPath = join(dir, 'schemat_FA3.xsd');
    writeFileSync(schemaPath, main);
  }
  return schemaPath;
}

export interface XsdResult {
  /** False when xmllint is not installed; `errors` is then empty and nothing was checked. */
  checked: boolean;
  errors: string[];
}

/** `-:37: element P_1: Schemas validity error : Element '{ns}P_1': …` → `Linia 37: Element '{ns}P_1': …` (a 430 detail). */
function errorText(line: string): string {
  const m = /^-:(\d+): (?:element [^:]*: )?(?:Schemas \w+ error : )?(.*)$/.exec(line);
  return (m ? `Linia ${m[1]}: ${m[2]}` : line).slice(0, 300);
}

/** Validates an FA(3) document against schemat_FA(3)_v1-0E.xsd with xmllint (no network, no entities). */
export function validateFa3Xsd(xml: Uint8Array): Promise<XsdResult> {
  if (!xmllintAvailable()) return Promise.resolve({ checked: false, errors: [] });
  const schema = fa3SchemaPath();
  return new Promise((resolve) => {
    const child = execFile(
      'xmllint',
      ['--noout', '--nonet', '--schema', schema, '-'],
      { timeout: 20_000, maxBuffer: 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) return resolve({ checked: true, errors: [] });
        const lines = String(stderr)
          .split('\n')
          .filter((l) => l.trim() && !l.includes('fails to validate') && !l.includes('validates'))
          .map(errorText)
          .slice(0, 5);
        resolve({ checked: true, errors: lines.length > 0 ? lines : ['Dokument nie jest zgodny ze schemą FA(3).'] });
      },
    );
    child.stdin?.end(Buffer.from(xml));
  });
}
