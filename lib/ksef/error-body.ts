// Turns an error response into KsefError fields, whatever format KSeF chose: ExceptionResponse,
// problem+json (400/401/403/410/429) or the legacy 429 `{status:{…}}` body (NOTES §9, §10).
import { ExceptionResponse, ProblemDetails, TooManyRequestsResponse } from './schemas/problems';
import type { KsefErrorInit, KsefException } from './errors';
import { utf8Decode } from './encoding';

type BodyFields = Omit<KsefErrorInit, 'operation' | 'status' | 'retryAt' | 'issues'>;

const MAX_TEXT = 500;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

function fromExceptionResponse(body: ExceptionResponse): BodyFields {
  const e = body.exception;
  const exceptions: KsefException[] = (e.exceptionDetailList ?? []).map((d) => ({
    code: d.exceptionCode,
    description: clip(d.exceptionDescription ?? ''),
    details: (d.details ?? []).map(clip),
  }));
  return defined({
    exceptions,
    details: exceptions.flatMap((x) => x.details),
    referenceNumber: e.referenceNumber ?? undefined,
    // serviceCode is a W3C traceparent ("00-<trace>-<span>-00"): the only trace id the legacy format has.
    traceId: e.serviceCode ?? undefined,
  });
}

function fromProblem(body: ProblemDetails): BodyFields {
  const exceptions: KsefException[] = (body.errors ?? []).map((d) => ({
    code: d.code,
    description: clip(d.description ?? ''),
    details: (d.details ?? []).map(clip),
  }));
  const details = [...new Set([...(body.detail ? [clip(body.detail)] : []), ...exceptions.flatMap((x) => x.details)])];
  return defined({
    exceptions,
    title: body.title ?? undefined,
    details,
    traceId: body.traceId ?? undefined,
    reasonCode: body.reasonCode ?? undefined,
    requiredAnyOfPermissions: body.security?.requiredAnyOfPermissions ?? undefined,
    presentPermissions: body.security?.presentPermissions ?? undefined,
  });
}

/** Reads what it can; an unreadable body (an HTML page from the WAF, say) yields no fields. */
export function parseErrorBody(bytes: Uint8Array): BodyFields {
  let data: unknown;
  try {
    data = JSON.parse(utf8Decode(bytes));
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const legacy = ExceptionResponse.safeParse(data);
  if (legacy.success) return fromExceptionResponse(legacy.data);
  const tooMany = TooManyRequestsResponse.safeParse(data);
  if (tooMany.success) {
    const s = tooMany.data.status;
    return { title: clip(s.description), details: (s.details ?? []).map(clip) };
  }
  const problem = ProblemDetails.safeParse(data);
  return problem.success ? fromProblem(problem.data) : {};
}
