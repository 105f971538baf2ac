// KSeF's two error formats (NOTES §10): 400 as ExceptionResponse by default, as problem+json when the request
// says `X-Error-Format: problem-details`; 401, 403 and 410 always problem+json; 429 in either format (NOTES §9).
// Descriptions are KSeF's own Polish texts from the 400 tables of openapi.json.

export const EXCEPTION_DESCRIPTIONS: Readonly<Record<number, string>> = {
  9101: 'Nieprawidłowy dokument.',
  9102: 'Brak podpisu.',
  9103: 'Przekroczona liczba dozwolonych podpisów.',
  9105: 'Nieprawidłowy podpis.',
  21001: 'Nieczytelna treść.',
  21111: 'Nieprawidłowe wyzwanie autoryzacyjne.',
  21115: 'Nieprawidłowy certyfikat.',
  21117: 'Nieprawidłowy identyfikator podmiotu dla wskazanego typu kontekstu.',
  21155: 'Przekroczono dozwoloną liczbę faktur w sesji.',
  21164: 'Faktura o podanym identyfikatorze nie istnieje.',
  21165: 'Faktura o podanym numerze KSeF nie jest jeszcze dostępna.',
  21173: 'Brak sesji o wskazanym numerze referencyjnym.',
  21178: 'Nie znaleziono UPO dla podanych kryteriów.',
  21180: 'Status sesji nie pozwala na wykonanie operacji.',
  21183: 'Zakres filtrowania wykracza poza dostępny zakres danych.',
  21217: 'Nieprawidłowe kodowanie znaków.',
  21301: 'Brak autoryzacji.',
  21304: 'Brak uwierzytelnienia.',
  21401: 'Dokument nie jest zgodny ze schemą (xsd).',
  21402: 'Nieprawidłowy rozmiar pliku.',
  21403: 'Nieprawidłowy skrót pliku.',
  21405: 'Błąd walidacji danych wejściowych.',
  21406: 'Konflikt podpisu i typu uwierzytelnienia.',
  21418: 'Przekazany token kontynuacji ma nieprawidłowy format.',
  21470: 'Przesłany identyfikator klucza jest nieznany lub wskazuje na wycofany klucz.',
  25001: 'Brak możliwości pobrania danych do CSR dla wykorzystanego sposobu uwierzytelnienia.',
  25002: 'Brak możliwości złożenia wniosku certyfikacyjnego dla wykorzystanego sposobu uwierzytelnienia.',
  25003: 'Dane w CSR nie zgadzają się z danymi w użytym wektorze uwierzytelniającym.',
  25004: 'Niepoprawny format CSR lub niepoprawny podpis CSR.',
  25005: 'Wniosek certyfikacyjny o podanym numerze referencyjnym nie istnieje.',
  25006: 'Osiągnięto limit możliwych do złożenia wniosków certyfikacyjnych.',
  25007: 'Osiągnięto limit dopuszczalnej liczby posiadanych certyfikatów.',
  25008: 'Certyfikat o podanym numerze seryjnym nie istnieje.',
  25009: 'Nie można odwołać wskazanego certyfikatu, ponieważ jest już odwołany, zablokowany lub nieważny.',
  25010: 'Nieprawidłowy typ lub długość klucza.',
  25011: 'Nieprawidłowy algorytm podpisu CSR.',
};

export type ForbiddenReason =
  | 'missing-permissions'
  | 'ip-not-allowed'
  | 'insufficient-resource-access'
  | 'auth-method-not-allowed'
  | 'security-service-blocked'
  | 'context-type-not-allowed';

export type SimErrorKind = 'exception' | 'unauthorized' | 'forbidden' | 'gone' | 'tooManyRequests' | 'plain';

/** Thrown by handlers; the server turns it into the right format. Never carries secrets. */
export class SimError extends Error {
  override readonly name = 'SimError';
  constructor(
    readonly kind: SimErrorKind,
    readonly status: number,
    message: string,
    readonly extra: {
      exceptionCode?: number;
      details?: string[];
      reasonCode?: ForbiddenReason;
      security?: Record<string, unknown>;
      retryAfterSeconds?: number;
      title?: string;
    } = {},
  ) {
    super(message);
  }
}

export function badRequest(exceptionCode: number, details: string[] = []): SimError {
  const description = EXCEPTION_DESCRIPTIONS[exceptionCode];
  if (!description) throw new TypeError(`"exceptionCode" ${exceptionCode} has no KSeF description`);
  return new SimError('exception', 400, description, { exceptionCode, details });
}

export const unauthorized = (detail: string): SimError => new SimError('unauthorized', 401, detail, { title: 'Unauthorized' });

export const forbidden = (reasonCode: ForbiddenReason, detail: string, security?: Record<string, unknown>): SimError =>
  new SimError('forbidden', 403, detail, { reasonCode, security, title: 'Forbidden' });

export const gone = (detail: string): SimError => new SimError('gone', 410, detail, { title: 'Gone' });

export const tooManyRequests = (retryAfterSeconds: number, detail: string): SimError =>
  new SimError('tooManyRequests', 429, detail, { retryAfterSeconds, title: 'Too Many Requests' });

/** Statuses KSeF's contract does not list (injected faults, 404, 413, 415): problem+json, honestly labelled. */
export const plainError = (status: number, title: string, detail: string): SimError =>
  new SimError('plain', status, detail, { title });

export interface RenderedError {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface ErrorContext {
  problemDetails: boolean;
  instance: string;
  nowIso: string;
  traceId: string;
  serviceCode: string;
}

/** Turns a SimError into KSeF's wire format for this request. */
export function renderError(error: SimError, ctx: ErrorContext): RenderedError {
  const problem = { 'Content-Type': 'application/problem+json; charset=utf-8' };
  const json = { 'Content-Type': 'application/json; charset=utf-8' };
  const { extra } = error;
  switch (error.kind) {
    case 'exception': {
      const code = extra.exceptionCode ?? 21405;
      const details = extra.details && extra.details.length > 0 ? extra.details : null;
      if (ctx.problemDetails) {
        return {
          status: 400,
          headers: problem,
          body: {
            title: 'Bad Request',
            status: 400,
            instance: ctx.instance,
            detail: details?.[0] ?? error.message,
            errors: [{ code, description: error.message, details }],
            timestamp: ctx.nowIso,
            traceId: ctx.traceId,
          },
        };
      }
      return {
        status: 400,
        headers: json,
        body: {
          exception: {
            exceptionDetailList: [{ exceptionCode: code, exceptionDescription: error.message, details }],
            referenceNumber: null,
            serviceCode: ctx.serviceCode,
            serviceCtx: 'srvKSEFSIM',
            serviceName: `ksef-sim${ctx.instance}`,
            timestamp: ctx.nowIso,
          },
        },
      };
    }
    case 'tooManyRequests': {
      const seconds = Math.max(1, Math.ceil(extra.retryAfterSeconds ?? 1));
      const headers = { 'Retry-After': String(seconds) };
      const detail = `${error.message} Spróbuj ponownie po ${seconds} s.`;
      if (ctx.problemDetails) {
        return {
          status: 429,
          headers: { ...problem, ...headers },
          body: { title: 'Too Many Requests', status: 429, instance: ctx.instance, detail, timestamp: ctx.nowIso, traceId: ctx.traceId },
        };
      }
      return { status: 429, headers: { ...json, ...headers }, body: { status: { code: 429, description: 'Too Many Requests', details: [detail] } } };
    }
    case 'forbidden':
      return {
        status: 403,
        headers: problem,
        body: {
          title: 'Forbidden',
          status: 403,
          detail: error.message,
          instance: ctx.instance,
          reasonCode: extra.reasonCode ?? 'missing-permissions',
          security: extra.security ?? null,
          traceId: ctx.traceId,
          timestamp: ctx.nowIso,
        },
      };
    case 'unauthorized':
    case 'gone':
    case 'plain':
      return {
        status: error.status,
        headers: problem,
        body: {
          title: extra.title ?? 'Error',
          status: error.status,
          detail: error.message,
          instance: ctx.instance,
          traceId: ctx.traceId,
          timestamp: ctx.nowIso,
        },
      };
  }
}
