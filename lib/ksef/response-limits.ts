// The largest response body each operation may have, from KSeF's documented maxima plus a margin, so a
// broken or hostile server cannot make the worker buffer (and JSON.parse) tens of megabytes. A body past its
// cap is not read further: the call fails with RESPONSE_TOO_LARGE (a success) or loses its body (an error).
const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * Anything not listed: every other JSON answer we use has a small bounded shape (openapi.json: a challenge,
 * a status, tokens, a session status with its UPO page links, GET /rate-limits, the public-key certificates):
 * the largest at full field lengths is under 8 KB, and a per-invoice UPO is one `Dokument` (≤ 2 KB) plus
 * MF's XAdES signature. 1 MiB leaves room for long JWTs and certificate chains.
 */
export const DEFAULT_RESPONSE_CAP = MIB;

/**
 * An error answer only needs its status and a few fields (ExceptionResponse, problem+json, NOTES §10);
 * a longer body is dropped and the error still carries its HTTP status.
 */
export const ERROR_BODY_CAP = 256 * KIB;

/** Keyed by `METHOD /path` exactly as openapi.json spells it (the transport's `operation`). */
export const RESPONSE_CAPS: Readonly<Record<string, number>> = {
  // ≤ 250 InvoiceMetadata per page (openapi `pageSize` maximum). One record with every string at its
  // maxLength and every character \u-escaped (.NET's default JSON encoder does that to non-ASCII) is
  // 13.4 KB; each `thirdSubjects` entry adds 3.5 KB. openapi sets no maxItems there (FA(3) XSD allows 100
  // Podmiot3), a bound of 90 MB no worker could parse, so each record gets 64 KiB: every field at full
  // length and 14 full-length third subjects, far beyond any real invoice.
  'POST /invoices/query/metadata': 250 * 64 * KIB,
  // The stored invoice XML as sent: 1 MB, 3 MB with attachments (NOTES §8.4, GET /limits/context example);
  // a context's limit may be raised to at most 10 MB (openapi OnlineSessionContextLimitsOverride and
  // BatchSessionContextLimitsOverride, `maxInvoiceWithAttachmentSizeInMB` maximum 10). 10 MiB + 20 %.
  'GET /invoices/ksef/{ksefNumber}': 12 * MIB,
  // One page of the collective UPO: ≤ 10 000 `Dokument` (upo-v4-3.xsd maxOccurs, NOTES §8.3), each ≤ 1.8 KB
  // with a 256-character invoice number fully escaped: 18 MB plus MF's signature. 24 MiB.
  'GET /sessions/{referenceNumber}/upo/{upoReferenceNumber}': 24 * MIB,
  // ≤ 100 PersonalPermission per page (openapi `pageSize` maximum), ≤ 7.7 KB each at full field lengths.
  'POST /permissions/query/personal/grants': 2 * MIB,
};

/** The cap of a success body of `operation` (`METHOD /path/template`). */
export function responseCap(operation: string): number {
  return RESPONSE_CAPS[operation] ?? DEFAULT_RESPONSE_CAP;
}
