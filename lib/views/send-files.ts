// The files chosen in the send view (issue 12, steps 1–2) after lib/send/check has looked at them: which may be
// sent and for which organisation, which stay with their reasons, and the organisation to preselect. The check
// itself (and its XSD engine) is loaded by the page on demand; this file only reads its results (Sending §1).
import type { InvoiceFacts } from '../send/check/types';

/** What this view reads of lib/send/check's facts: all but the size and digest. */
export type CheckedFacts = Omit<InvoiceFacts, 'sizeBytes' | 'sha256Base64'>;

export interface CheckedFile {
  fileName: string;
  ok: boolean;
  problems: { code: string; line?: number; path?: string; detail?: string; data?: Record<string, string> }[];
  facts?: CheckedFacts;
  profileId?: string;
  xml?: string;
}

export interface SendProfileRef {
  id: string;
  nip: string;
  name: string;
}

/** The organisation to preselect: the one whose NIP every readable file names as its seller, if there is one. */
export function matchingProfileId(profiles: readonly SendProfileRef[], checks: readonly CheckedFile[]): string | undefined {
  const nips = new Set(checks.flatMap((c) => (c.facts ? [c.facts.sellerNip] : [])));
  if (nips.size !== 1) return undefined;
  const [nip] = nips;
  const matches = profiles.filter((p) => p.nip === nip);
  return matches.length === 1 ? matches[0]!.id : undefined;
}

/** One `sendInvoices` message per organisation (the message names one profile, Sending §2). */
export interface SendGroup {
  profileId: string;
  files: { fileName: string; xml: string }[];
}

/** Sending §2: 1..50 files per message. */
export const MAX_FILES_PER_MESSAGE = 50;

/** The files that passed, grouped by organisation and cut into messages of at most 50 files. */
export function sendGroups(checks: readonly CheckedFile[]): SendGroup[] {
  const byProfile = new Map<string, { fileName: string; xml: string }[]>();
  for (const check of checks) {
    if (!check.ok || check.xml === undefined || !check.profileId) continue;
    const files = byProfile.get(check.profileId) ?? [];
    files.push({ fileName: check.fileName, xml: check.xml });
    byProfile.set(check.profileId, files);
  }
  const groups: SendGroup[] = [];
  for (const [profileId, files] of byProfile) {
    for (let i = 0; i < files.length; i += MAX_FILES_PER_MESSAGE) groups.push({ profileId, files: files.slice(i, i + MAX_FILES_PER_MESSAGE) });
  }
  return groups;
}

export function checkCounts(checks: readonly CheckedFile[]): { ready: number; refused: number } {
  const ready = checks.filter((c) => c.ok && c.xml !== undefined && c.profileId).length;
  return { ready, refused: checks.length - ready };
}


/** One chosen file as the list shows it: its facts, the organisation it goes to, or its reasons in words. */
export interface CheckedRow {
  key: string;
  fileName: string;
  ok: boolean;
  facts?: CheckedFacts;
  profile?: SendProfileRef;
  problems: { code: string; text: string }[];
}

/** `problemText` is lib/send/check's sendProblemText in the page language (it says where: line, element). */
export function checkedRows(
  checks: readonly CheckedFile[],
  profiles: readonly SendProfileRef[],
  problemText: (problem: CheckedFile['problems'][number]) => string,
): CheckedRow[] {
  return checks.map((check, i) => {
    const profile = profiles.find((p) => p.id === check.profileId);
    return {
      key: `${i}/${check.fileName}`,
      fileName: check.fileName,
      ok: check.ok && check.xml !== undefined && profile !== undefined,
      ...(check.facts ? { facts: check.facts } : {}),
      ...(profile ? { profile } : {}),
      problems: check.problems.map((p) => ({ code: p.code, text: problemText(p) })),
    };
  });
}
