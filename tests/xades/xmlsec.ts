// xmlsec1 and xmllint, run as CI runs them (Debian packages xmlsec1 and libxml2-utils). Missing tools
// fail the tests loudly: these are the project's independent judges of its signatures.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KSEF_DIR, PKI_DIR, XADES_DIR } from './helpers';

const run = promisify(execFile);
const INSTALL_HINT = 'apt-get install xmlsec1 libxml2-utils';
export const ID_ATTR = ['--id-attr:Id', 'http://uri.etsi.org/01903/v1.3.2#:SignedProperties'];

export function requireTools(): void {
  for (const tool of ['xmlsec1', 'xmllint']) {
    const probe = spawnSync(tool, ['--version'], { encoding: 'utf8' });
    if (probe.error) throw new Error(`${tool} is not installed; run: ${INSTALL_HINT}`);
  }
}

const made: string[] = [];

/** A fresh directory under the OS temp dir; removeTempDirs() (in afterAll) deletes them all. */
export function tempDir(prefix = 'xades-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface ToolResult {
  ok: boolean;
  output: string;
}

async function tool(cmd: string, args: string[], cwd?: string): Promise<ToolResult> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd, encoding: 'utf8' });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${cmd} is not installed; run: ${INSTALL_HINT}`);
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** Verifies with the key from the embedded certificate, trusting the fixtures' test CA (chain checked). */
export function xmlsecVerify(file: string, cwd?: string): Promise<ToolResult> {
  return tool('xmlsec1', ['--verify', '--trusted-pem', `${PKI_DIR}test-ca.crt`, ...ID_ATTR, file], cwd);
}

export function xmlsecSign(template: string, keyPath: string, certPath: string, output: string, cwd?: string): Promise<ToolResult> {
  return tool('xmlsec1', ['--sign', '--privkey-pem', `${keyPath},${certPath}`, ...ID_ATTR, '--output', output, template], cwd);
}

export function xmllintValidate(file: string, xsd: string): Promise<ToolResult> {
  return tool('xmllint', ['--noout', '--schema', xsd, file]);
}

/**
 * The 2.0 XSD as libxml2 can compile it. Its three AuthorizationPolicy IP patterns use `\b`, which is not
 * XSD regex, so xmllint refuses the whole schema (NOTES §3.3: MF fixed exactly these in 2.1). We swap in
 * the 2.1 patterns; every other byte of the official file is kept.
 */
export function libxml2CompatibleXsd(dir: string): string {
  const v20 = readFileSync(`${KSEF_DIR}schemat_auth_v2-0.xsd`, 'utf8');
  const v21 = readFileSync(`${XADES_DIR}schemat_auth_v2-1.xsd`, 'utf8');
  const patterns = (xsd: string) => [...xsd.matchAll(/<xsd:pattern value="([^"]*)"\/>/g)].map((m) => m[1]!);
  const broken = patterns(v20).filter((p) => p.includes('\\b'));
  const fixed = patterns(v21).filter((p) => p.includes('25[0-5]'));
  if (broken.length !== 3 || fixed.length !== 3) throw new Error('unexpected auth XSDs: the IP patterns changed');
  let xsd = v20;
  broken.forEach((p, i) => {
    xsd = xsd.replace(`value="${p}"`, `value="${fixed[i]}"`);
  });
  const path = join(dir, 'schemat_auth_v2-0-libxml2.xsd');
  writeFileSync(path, xsd);
  return path;
}

/** The document with the enveloped signature set aside, as the XSD (which has no slot for it) expects. */
export function withoutSignature(xml: string): string {
  const out = xml.replace(/<(ds:)?Signature[\s>][\s\S]*<\/(ds:)?Signature>/, '');
  if (out === xml) throw new Error('no signature to set aside');
  return out;
}

/** Runs `tasks` with at most `limit` at a time (the machine has 2 cores). */
export async function pool<T>(tasks: Array<() => Promise<T>>, limit = 2): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

export interface TemplateValues {
  challenge: string;
  nip: string;
  signatureMethod: string;
  digestMethod: string;
  signingTime: string;
  certDigest: string;
  issuer: string;
  serial: string;
}

/** One of tests/fixtures/xades/*.xml with its {{PLACEHOLDERS}} filled (values XML-escaped). */
export function fillTemplate(name: string, values: TemplateValues): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const map: Record<string, string> = {
    CHALLENGE: values.challenge,
    NIP: values.nip,
    SIGNATURE_METHOD: values.signatureMethod,
    DIGEST_METHOD: values.digestMethod,
    SIGNING_TIME: values.signingTime,
    CERT_DIGEST: values.certDigest,
    ISSUER: escape(values.issuer),
    SERIAL: values.serial,
  };
  return readFileSync(`${XADES_DIR}${name}.xml`, 'utf8').replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => {
    if (!(key in map)) throw new Error(`unknown placeholder ${key}`);
    return map[key]!;
  });
}
