// The files chosen on the options page and what their local check found: the shapes and the small rules the
// page needs while rendering. Type-only imports: the page loads lib/pki (check-files.ts) only to run a check.
import type { Verdict } from '../diagnostics';
import type { CertificateInfo } from '../pki';

export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

export interface ChosenFiles {
  certificate?: ChosenFile;
  key?: ChosenFile;
  p12?: ChosenFile;
}

export interface LocalCheck {
  /** For the certificate card; present whenever the certificate could be read. */
  info: CertificateInfo | null;
  /** Ready to save: the pair proven to belong together. */
  credentials: { certificate: CertificateInfo; privateKey: CryptoKey } | null;
  verdicts: Verdict[];
  /** What is still missing before the pair can be checked. */
  need: 'certificate' | 'key' | 'password' | null;
}

export interface CheckContext {
  now: Date;
  nipInput: string;
  /** The profile's environment; the simulator gets no environment findings (it takes TEST's rules). */
  environment: string;
}

export function hasFiles(files: ChosenFiles): boolean {
  return !!(files.certificate || files.key || files.p12);
}

/** The pair may be saved: it was proven and no finding is an error. */
export function checkPassed(result: LocalCheck | null): result is LocalCheck & { credentials: NonNullable<LocalCheck['credentials']> } {
  return !!result?.credentials && !result.verdicts.some((v) => v.severity === 'error');
}

/** The certificate and key were chosen the wrong way round: the page offers to swap them. */
export function filesSwapped(result: LocalCheck | null, files: ChosenFiles): boolean {
  return !!files.certificate && !!files.key && !!result?.verdicts.some((v) => v.code === 'FILES_SWAPPED');
}

/** Which slot a dropped file goes to: by its name first, then by what it holds. */
export function classifyFile(name: string, bytes: Uint8Array): keyof ChosenFiles {
  const lower = name.toLowerCase();
  if (/\.(p12|pfx)$/.test(lower)) return 'p12';
  if (lower.endsWith('.key')) return 'key';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  if (head.includes('PRIVATE KEY')) return 'key';
  return 'certificate';
}
