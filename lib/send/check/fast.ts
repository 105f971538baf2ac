// The send view's check parses a file once: libxml2 builds the tree the schema is checked on, and the facts are
// read from that same tree (xsd-engine.ts readValidFa3). xmldom's parse of a 1 MB invoice cost several times the
// whole schema step (scripts/bench-send-check.ts), and a file that passes needs no lines or paths.
//
// This path only ever answers for a file the full check (index.ts → basic.ts + the schema) would pass on every
// tree rule: anything else, including any libxml2 warning and anything xmldom alone would refuse (DTD markup,
// lib/core/xml.ts; U+FFFD, which it warns about), goes to the full check, which says what and where. Rules on
// the facts (organisation, date, sent before) run once, here; their line and path come from xmldom's tree,
// parsed only when one of them finds a problem.
import { dtdMarkup } from '../../core/xml';
import { applyFactRules, finish } from './basic';
import { MAX_DEPTH, readInvoiceDocument } from './document';
import type { ReadFacts } from './facts';
import { decodeInvoiceBytes, findDiscouraged } from './encoding';
import type { CheckContext, FileCheck, InvoiceFile } from './types';

type Engine = typeof import('./xsd-engine');

export interface FastCheck {
  result: FileCheck;
  facts: ReadFacts;
}

/** `facts` whose `where` (lines and paths, xmldom's) is computed on first read. */
function withLazyWhere(facts: ReadFacts, text: string): ReadFacts {
  let where: ReadFacts['where'] | undefined;
  return Object.defineProperty({ ...facts }, 'where', {
    enumerable: true,
    get: () => (where ??= readInvoiceDocument(text).facts!.where),
  });
}

/** The check of a file that reads cleanly as a valid FA(3) invoice; undefined sends it to the full check. */
export async function fastCheck(file: InvoiceFile, ctx: CheckContext, engine: () => Promise<Engine>): Promise<FastCheck | undefined> {
  if (!(file?.bytes instanceof Uint8Array)) return undefined;
  const decoded = decodeInvoiceBytes(file.bytes);
  const text = decoded.text;
  if (text === undefined || decoded.problems.length > 0) return undefined;
  if (dtdMarkup(text) !== undefined || text.includes('\uFFFD') || findDiscouraged(text)) return undefined;
  let read: ReadFacts | undefined;
  try {
    read = (await engine()).readValidFa3(file.bytes, MAX_DEPTH);
  } catch {
    return undefined; // the full check reports an engine that cannot load
  }
  if (!read) return undefined;
  const facts = withLazyWhere(read, text);
  const check: FileCheck = { fileName: String(file.name ?? ''), ok: false, problems: [] };
  await applyFactRules(file, check, facts, false, ctx);
  return { result: finish(check, text), facts };
}
