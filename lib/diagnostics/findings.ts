// Local certificate findings (lib/pki checkCertificate) as verdicts. NIP_MISMATCH and NOT_YET_VALID are two of
// the four causes users hit most, so they get their own sentences; the rest keep lib/pki's wording.
import { describeFinding } from '../pki/check';
import type { CertificateFinding } from '../pki/types';
import { t, type MessageKey } from '../i18n/worker';
import { warsawDateTime } from './format';
import { catalogVerdict, composedVerdict, type Verdict } from './verdict';

const WHY: Partial<Record<string, MessageKey>> = {
  EXPIRED: 'diag_finding_cause_EXPIRED',
  ENVIRONMENT_MISMATCH: 'diag_finding_cause_ENVIRONMENT_MISMATCH',
  OFFLINE_CERTIFICATE: 'diag_finding_cause_OFFLINE_CERTIFICATE',
};

export function findingVerdict(finding: CertificateFinding): Verdict {
  if (typeof finding !== 'object' || finding === null || typeof finding.code !== 'string') {
    throw new TypeError('"finding" must be a CertificateFinding');
  }
  const severity = finding.severity === 'error' ? 'error' : 'warning';
  const data = { ...finding.data };
  if (finding.code === 'NIP_MISMATCH') {
    return catalogVerdict('NIP_MISMATCH', severity, data, () => ({
      certificateNip: String(data.certificateNip),
      organizationNip: String(data.organizationNip),
    }));
  }
  if (finding.code === 'NOT_YET_VALID' && typeof data.from === 'string') {
    const from = data.from;
    return catalogVerdict('NOT_YET_VALID', severity, data, (lang) => {
      const { date, time } = warsawDateTime(lang, from);
      return { date, time };
    });
  }
  return composedVerdict(finding.code, severity, data, {
    title: (lang) => describeFinding(finding, lang).title,
    // Why it is a problem (review B12), where a sentence says it; otherwise where it was found.
    cause: (lang) => t(lang, (WHY[finding.code] ?? 'diag_finding_cause') as MessageKey),
    fix: (lang) => describeFinding(finding, lang).fix,
  });
}
