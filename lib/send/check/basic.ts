// Every local rule except the FA(3) schema: safe for the service worker, which re-checks what it must trust
// before queueing (size, seller NIP = organisation NIP, not sent before; Sending §2). This module never
// reaches the XSD engine (index.ts loads it on demand for the send view), so importing it costs the worker no
// WebAssembly.
import type { Document } from '@xmldom/xmldom';
import { sha256, toBase64 } from '../../core/bytes';
import { readInvoiceDocument } from './document';
import type { ReadFacts } from './facts';
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
  /** The facts with where each was found (P_2's place is where a repeat within a batch is reported). */
  facts?: ReadFacts;
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
  const validate = await applyFactRules(file, check, read.facts, read.stop, ctx);
  return { check, doc: read.doc, validate, text: decoded.text, facts: read.facts };
}

/**
 * The facts into `check`, then the rules on them (organisation, issue date, sent before). `facts.where` is read
 * only for a problem. Returns whether the schema step should run.
 */
export async function applyFactRules(file: InvoiceFile, check: FileCheck, facts: ReadFacts | undefined, stop: boolean, ctx: CheckContext): Promise<boolean> {
  if (facts) {
    const { sellerNip, sellerName, buyerNip, buyerName, kind, number, issueDate, currency, gross } = facts;
    const bytes = new Uint8Array(file.bytes); // a copy with a plain ArrayBuffer, as WebCrypto wants
    check.facts = {
      sellerNip, sellerName, buyerNip, buyerName, kind, number, issueDate, currency, gross,
      sizeBytes: file.bytes.length, sha256Base64: toBase64(await sha256(bytes)),
    } satisfies InvoiceFacts;
  }
  if (stop || !facts) return false;
  const organisation = checkOrganisation(facts, ctx);
  if (organisation.profileId !== undefined) check.profileId = organisation.profileId;
  if (organisation.problem) check.problems.push(organisation.problem);
  const future = checkIssueDate(facts, ctx.now);
  if (future) check.problems.push(future);
  const earlier = await checkEarlier(facts, ctx);
  if (earlier) check.problems.push(earlier);
  return true;
}

/** checkInvoiceFile without the FA(3) schema: for the worker's re-check (Sending §2). */
export async function checkInvoiceBasics(file: InvoiceFile, ctx: CheckContext): Promise<FileCheck> {
  const run = await runBasicChecks(file, ctx);
  return finish(run.check, run.text);
}
