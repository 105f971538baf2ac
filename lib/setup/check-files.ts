// The checks made on this computer as soon as files are chosen, before any request: read the certificate
// (for the card), decrypt the key and prove the pair (lib/pki), then the certificate findings. Returns
// verdicts; never the password. A CryptoKey in the result is non-extractable (lib/pki imports it so).
// The options page calls checkCertificateFiles and renders the result (review structure-2026-12 §3, walk 1).
import { diagnose } from '../diagnostics/diagnose';
import { findingVerdict } from '../diagnostics/findings';
import type { Verdict } from '../diagnostics/verdict';
import { certificateEnvironment } from '../domain/environments';
import { validateNip } from '../domain/nip';
import { checkCertificate, isPkiError, loadCredentials, readCertificate, readPkcs12, type CertificateInfo } from '../pki';
import type { CheckContext, ChosenFiles, LocalCheck } from './chosen-files';

function needsPassword(error: unknown): boolean {
  return isPkiError(error) && error.code === 'PASSWORD_REQUIRED';
}

async function readPair(files: ChosenFiles, password: string): Promise<Omit<LocalCheck, 'verdicts'> & { error?: unknown }> {
  if (files.p12) {
    try {
      const credentials = await readPkcs12(files.p12.bytes, password);
      return { info: credentials.certificate, credentials, need: null };
    } catch (error) {
      // An empty password that does not open the bundle means "type it", not "wrong".
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

async function check(files: ChosenFiles, password: string, context: CheckContext): Promise<LocalCheck> {
  const pair = await readPair(files, password);
  const verdicts: Verdict[] = [];
  if (pair.error !== undefined) verdicts.push(diagnose(pair.error));
  if (pair.info) {
    const checked = validateNip(context.nipInput);
    const findings = checkCertificate(pair.info, {
      now: context.now,
      ...(checked.ok ? { organizationNip: checked.nip } : {}),
      environment: certificateEnvironment(context.environment),
    });
    verdicts.push(...findings.map(findingVerdict));
  }
  return { info: pair.info, credentials: pair.credentials, verdicts, need: pair.need };
}

/**
 * The whole local check of the chosen files. Never rejects: an unexpected failure becomes one verdict, so the
 * page always has something to show.
 */
export async function checkCertificateFiles(files: ChosenFiles, password: string, context: CheckContext): Promise<LocalCheck> {
  try {
    return await check(files, password, context);
  } catch (error) {
    return { info: null, credentials: null, verdicts: [diagnose(error)], need: null };
  }
}
