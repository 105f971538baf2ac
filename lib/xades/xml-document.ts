// Reading untrusted XML before anything looks inside it: size, DTD, well-formedness, depth.
import { XadesError } from './errors';
import { MAX_DEPTH, MAX_DOCUMENT_CHARS } from './profile';
import { elementDepth, parseXml } from './xml-engine';

/** Parses a signed document KSeF-style; every failure is a XadesError (21001), never a parser exception. */
export function readXmlDocument(xml: string): Document {
  if (xml.length > MAX_DOCUMENT_CHARS) {
    throw new XadesError('TOO_LARGE', `document has ${xml.length} characters, the limit is ${MAX_DOCUMENT_CHARS}`);
  }
  // Refused before parsing, whatever the parser would make of it: no DTD means no entity expansion
  // (billion laughs) and no external entities (DESIGN "Security rules": parse XML without entities).
  const dtd = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (dtd) throw new XadesError('DOCTYPE', `document contains <!${dtd[1]}; DTDs are not allowed`);
  let doc: Document;
  try {
    doc = parseXml(xml.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new XadesError('NOT_WELL_FORMED', `document is not well-formed XML: ${(error as Error).message}`, {}, { cause: error });
  }
  if (!doc.documentElement) throw new XadesError('NOT_WELL_FORMED', 'document has no root element');
  const depth = elementDepth(doc, MAX_DEPTH);
  if (depth > MAX_DEPTH) throw new XadesError('TOO_DEEP', `elements are nested more than ${MAX_DEPTH} levels deep`);
  return doc;
}
