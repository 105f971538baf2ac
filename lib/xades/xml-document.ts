// Reading untrusted XML before anything looks inside it: size, DTD, well-formedness, depth.
import { XadesError } from './errors';
import { MAX_DEPTH, MAX_DOCUMENT_CHARS } from './profile';
import { parseSafeXml } from '../core/xml';
import { registerXmlEngine } from './xml-engine';

/** Parses a signed document KSeF-style; every failure is a XadesError (21001), never a parser exception. */
export function readXmlDocument(xml: string): Document {
  registerXmlEngine();
  // No DTD means no entity expansion (billion laughs) and no external entities (DESIGN "Security rules").
  const parsed = parseSafeXml(xml, { maxChars: MAX_DOCUMENT_CHARS, maxDepth: MAX_DEPTH });
  if (parsed.ok) return parsed.doc as unknown as Document;
  const { problem } = parsed;
  switch (problem.reason) {
    case 'TOO_LARGE':
      throw new XadesError('TOO_LARGE', `document has ${problem.size} characters, the limit is ${problem.max}`);
    case 'DTD':
      throw new XadesError('DOCTYPE', `document contains <!${problem.markup}; DTDs are not allowed`);
    case 'NOT_WELL_FORMED':
      throw new XadesError('NOT_WELL_FORMED', `document is not well-formed XML: ${problem.message}`, {}, { cause: problem.cause });
    case 'NO_ROOT':
      throw new XadesError('NOT_WELL_FORMED', 'document has no root element');
    case 'TOO_DEEP':
      throw new XadesError('TOO_DEEP', `elements are nested more than ${problem.max} levels deep`);
  }
}
