// The official FA(3) schema, checked by libxml2 compiled to WebAssembly (libxml2-wasm, MIT; libxml2 itself MIT).
// Only index.ts imports this module, and only with `import()`, so the engine (about 0.96 MB of JavaScript with
// the wasm inlined) and the schemas load in the send view alone, on first use. Extension pages need
// 'wasm-unsafe-eval' in their CSP for it (wxt.config.ts).
//
// schemat_FA(3)_v1-0E.xsd imports its base types from crd.gov.pl by absolute URL, and those include two more
// files relative to it; an input provider answers exactly those three URLs from the copies in ./xsd
// (./xsd/SOURCES.md). Nothing is fetched: libxml2-wasm has no network client, and NONET is set anyway.
import {
  ParseOption,
  XmlBufferInputProvider,
  XmlDocument,
  XmlLibError,
  XsdValidator,
  xmlRegisterInputProvider,
} from 'libxml2-wasm';
import fa3Schema from './xsd/schemat_FA(3)_v1-0E.xsd?raw';
import strukturyDanych from './xsd/StrukturyDanych_v10-0E.xsd?raw';
import elementarneTypy from './xsd/ElementarneTypyDanych_v10-0E.xsd?raw';
import kodyKrajow from './xsd/KodyKrajow_v10-0E.xsd?raw';
import { fa3Problem, readFacts, type ReadFacts } from './facts';
import { deeperThan, hasProcessingInstruction, LIBXML_NAV } from './tree-libxml';

const BASE = 'http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/';
// DOCTYPE is refused before this point (lib/core/xml.ts); NO_XXE and NONET keep libxml2 from loading anything.
const OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_BIG_LINES;

export interface XsdIssue {
  line?: number;
  /** libxml2's node path (xmlGetNodePath), e.g. `/*\/*[4]/*[2]`. */
  nodePath?: string;
  message: string;
}

export type XsdOutcome = { kind: 'valid' } | { kind: 'invalid' | 'unreadable'; issues: XsdIssue[] };

let validator: XsdValidator | undefined;

function fa3Validator(): XsdValidator {
  if (!validator) {
    const utf8 = new TextEncoder();
    xmlRegisterInputProvider(
      new XmlBufferInputProvider({
        [`${BASE}StrukturyDanych_v10-0E.xsd`]: utf8.encode(strukturyDanych),
        [`${BASE}ElementarneTypyDanych_v10-0E.xsd`]: utf8.encode(elementarneTypy),
        [`${BASE}KodyKrajow_v10-0E.xsd`]: utf8.encode(kodyKrajow),
      }),
    );
    const schemaDoc = XmlDocument.fromBuffer(utf8.encode(fa3Schema), { url: 'schemat_FA(3)_v1-0E.xsd', option: OPTIONS });
    validator = XsdValidator.fromDoc(schemaDoc); // the schema document stays alive with the validator
  }
  return validator;
}

function issuesOf(error: unknown): XsdIssue[] {
  if (error instanceof XmlLibError && error.details.length > 0) {
    return error.details.map((d) => ({
      line: d.line > 0 ? d.line : undefined,
      nodePath: d.xpath || undefined,
      message: d.message.trim(),
    }));
  }
  return [{ message: String((error as Error)?.message ?? error) }];
}

function parseInvoice(bytes: Uint8Array): XmlDocument {
  return XmlDocument.fromBuffer(bytes, { encoding: 'utf-8', option: OPTIONS | ParseOption.XML_PARSE_IGNORE_ENC });
}

/** Validates an invoice (UTF-8 bytes, BOM allowed) against schemat_FA(3)_v1-0E.xsd. */
export function validateFa3(bytes: Uint8Array): XsdOutcome {
  const schema = fa3Validator();
  let doc: XmlDocument;
  try {
    doc = parseInvoice(bytes);
  } catch (error) {
    return { kind: 'unreadable', issues: issuesOf(error) };
  }
  try {
    schema.validate(doc);
    return { kind: 'valid' };
  } catch (error) {
    return { kind: 'invalid', issues: issuesOf(error) };
  } finally {
    doc.dispose();
  }
}

/**
 * One libxml2 parse for a file that passes every tree rule: no parser diagnostic at all, depth within
 * `maxDepth`, no processing instruction, the FA(3) root and KodFormularza, valid against the schema. Then its
 * facts (without lines and paths); otherwise undefined, and the caller runs the full check, which says what
 * is wrong and where. The caller has already refused DTD markup (lib/core/xml.ts dtdMarkup).
 */
export function readValidFa3(bytes: Uint8Array, maxDepth: number): ReadFacts | undefined {
  const schema = fa3Validator();
  let doc: XmlDocument;
  try {
    doc = parseInvoice(bytes);
  } catch {
    return undefined;
  }
  try {
    if (doc.warnings.length > 0 || deeperThan(doc, maxDepth) || hasProcessingInstruction(doc)) return undefined;
    if (fa3Problem(doc.root, LIBXML_NAV)) return undefined;
    const facts = readFacts(doc.root, LIBXML_NAV);
    schema.validate(doc);
    return facts;
  } catch {
    return undefined;
  } finally {
    doc.dispose();
  }
}
