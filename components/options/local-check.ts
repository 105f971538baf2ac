// The checks made on this computer as soon as files are chosen, before any request: read the certificate
// (for the card), decrypt the key and prove the pair (lib/pki), then the certificate findings. Returns
// verdicts; never the password. A CryptoKey in the result is non-extractable (lib/pki imports it so).
import { diagnose, findingVerdict, type Verdict } from '@/lib/diagnostics';
import {
  checkCertificate,
  isPkiError,
  loadCredentials,
  validateNip,
  readCertificate,
  readPkcs12,
  type CertificateInfo,
  type KsefEnvironment,
} from '@/lib/pki';

export interface ChosenFiles {
  certificate?: { name: string; bytes: Uint8Array };
  key?: { name: string; bytes: Uint8Array };
  p12?: { name: string; bytes: Uint8Array };
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

export interface LocalCheckOptions {
  now: Date;
  nipInput: string;
  /** The profile's environment; the simulator gets no environment findings (it takes TEST's rules). */
  environment: string;
}

function needsPassword(error: unknown): boolean {
  return isPkiError(error) && error.code === 'PASSWORD_REQUIRED';
}

async function readPair(files: ChosenFiles, password: string): Promise<Omit<LocalCheck, 'verdicts'> & { error?: unknown }> {
  if (files.p12) {
    try {
      const credentials = await readPkcs12(files.p12.bytes, password);
      return { info: credentials.certificate, credentials, need: null };
    } catch (error) {
      if (password === '' && isPkiError(error) && (error.code === 'WRONG_PASSWORD' || error.code === 'PASSWORD_REQUIRED')) {
        return { info: null, credentials: null, need: 'password' };
      }
      return { info: null, credentials: null, need: null, error };
    }
  }
  if (!files.certificate) return { info: null, credentials: null, need: 'certificate' };
  let info: CertificateInfo | null = null;
  let certificateError: unknown;
  try {
    info = await readCertificate(files.certificate.bytes);
  } catch (error) {
    certificateError = error;
  }
  if (!files.key) return { info, credentials: null, need: 'key', error: certificateError };
  try {
    const credentials = await loadCredentials({
      certificate: files.certificate.bytes,
      privateKey: files.key.bytes,
      password: password === '' ? undefined : password,
    });
    return { info: credentials.certificate, credentials, need: null };
  } catch (error) {
    if (needsPassword(error)) return { info, credentials: null, need: 'password' };
    return { info, credentials: null, need: null, error };
  }
}

export async function checkLocally(files: ChosenFiles, password: string, options: LocalCheckOptions): Promise<LocalCheck> {
  const pair = await readPair(files, password);
  const verdicts: Verdict[] = [];
  if (pair.error !== undefined) verdicts.push(diagnose(pair.error));
  if (pair.info) {
    const checked = validateNip(options.nipInput);
    const nip = checked.ok ? checked.nip : null;
    const environment = ['test', 'demo', 'production'].includes(options.environment) ? (options.environment as KsefEnvironment) : undefined;
    const findings = checkCertificate(pair.info, { now: options.now, ...(nip ? { organizationNip: nip } : {}), environment });
    verdicts.push(...findings.map(findingVerdict));
  }
  return { info: pair.info, credentials: pair.credentials, verdicts, need: pair.need };
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
