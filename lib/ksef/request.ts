// How one KSeF call becomes a fetch: URL, headers and body (NOTES §2).
import type { Call } from './transport';

const ACCEPT = { json: 'application/json', xml: 'application/xml', none: '*/*' } as const;

/** The operation's URL: `{params}` filled in (encoded), undefined query values left out. */
export function requestUrl(baseUrl: string, call: Call): string {
  const path = call.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = call.params?.[name];
    if (value === undefined) throw new TypeError(`"${name}" is missing`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) query.set(k, String(v));
  const qs = query.toString();
  return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
}

export function requestInit(call: Call, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = {
    Accept: ACCEPT[call.accept],
    // Both error formats are parsed; problem+json is the non-deprecated one and carries traceId (NOTES §10).
    'X-Error-Format': 'problem-details',
  };
  if (call.token) headers.Authorization = `Bearer ${call.token}`;
  let body: string | undefined;
  if (call.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.xml !== undefined) {
    headers['Content-Type'] = 'application/xml'; // anything else gets 415 (NOTES §2)
    body = call.xml;
  }
  return { method: call.method, headers, body, signal, redirect: 'error', credentials: 'omit', cache: 'no-store' };
}
