// Every local rule except the FA(3) schema: safe for the service worker, which re-checks what it must trust
// before queueing (size, seller NIP = organisation NIP, not sent before; SEND-CONTRACT §2). This module never
// reaches the XSD engine (index.ts loads it on demand for the send view), so importing it costs the worker no
// WebAssembly.
import type { Document } from '@xmldom/xmldom';
import { sha256, toBase64 } from '../../core/bytes';
import { readInvoiceDocument } from './document';
import type { Where } from './paths';
import { decodeInvoiceBytes } from './encoding';
import { checkEarlier, checkIssueDate, checkOrganisation } from './rules';
import type { CheckContext, FileCheck, InvoiceFacts, InvoiceFile, SendProblem } from './types';

export { sendProblemText } from './text';
export * from './types';

/** What the schema step needs besides the result: the parsed tree (for element paths) and whether to go on. */
export interface BasicRun {
  check: FileCheck;
  doc?: Document;
  /** False when the file could not be read as an FA(3) document: validating it would only add noise. */
  validate: boolean;
  /** Where P_2 is (a repeat within a batch is reported there). */
  numberWhere?: Where;
}

/** Problems with a line come after file-level ones, in the order a reader meets them. */
export function sortProblems(problems: SendProblem[]): SendProblem[] {
  return problems
    .map((p, i) => [p, i] as const)
    .sort(([a, i], [b, j]) => (a.line ?? 0) - (b.line ?? 0) || i - j)
    .map(([p]) => p);
}

export function finish(check: FileCheck, text: string | undefined): FileCheck {
  const problems = sortProblems(check.problems);
  const ok = problems.length === 0 && text !== undefined;
  return { ...check, problems, ok, xml: ok ? text : undefined };
}

export async function runBasicChecks(file: InvoiceFile, ctx: CheckContext): Promise<BasicRun & { text?: string }> {
  if (!(file?.bytes instanceof Uint8Array)) throw new TypeError('"file.bytes" must be a Uint8Array');
  const check: FileCheck = { fileName: String(file.name ?? ''), ok: false, problems: [] };
  const decoded = decodeInvoiceBytes(file.bytes);
  check.problems.push(...decoded.problems);
  if (decoded.text === undefined) return { check, validate: false };
  const read = readInvoiceDocument(decoded.text);
  check.problems.push(...read.problems);
  if (read.facts) {
    const { where: _where, ...facts } = read.facts;
    const bytes = new Uint8Array(file.bytes); // a copy with a plain ArrayBuffer, as WebCrypto wants
    check.facts = { ...facts, sizeBytes: file.bytes.length, sha256Base64: toBase64(await sha256(bytes)) } satisfies InvoiceFacts;
  }
  const numberWhere = read.facts?.where.number;
  if (read.stop || !read.facts) return { check, doc: read.doc, validate: false, text: decoded.text, numberWhere };
  const organisation = checkOrganisation(read.facts, ctx);
  if (organisation.profileId !== undefined) check.profileId = organisation.profileId;
  if (organisation.problem) check.problems.push(organisation.problem);
  const future = checkIssueDate(read.facts, ctx.now);
  if (future) check.problems.push(future);
  const earlier = await checkEarlier(read.facts, ctx);
  if (earlier) check.problems.push(earlier);
  return { check, doc: read.doc, validate: true, text: decoded.text, numberWhere };
}

/** checkInvoiceFile without the FA(3) schema: for the worker's re-check (SEND-CONTRACT §2). */
export async function checkInvoiceBasics(file: InvoiceFile, ctx: CheckContext): Promise<FileCheck> {
  const run = await runBasicChecks(file, ctx);
  return finish(run.check, run.text);
}
