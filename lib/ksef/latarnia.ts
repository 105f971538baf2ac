// Latarnia ("Lighthouse"): the Ministry of Finance's public status service for KSeF (NOTES §1). Two GETs
// without a token: `/status` → { status, messages? } and `/messages` → [message]. Shapes from the official C#
// client [CS:KSeF.Client/Clients/LighthouseClient.cs; KSeF.Client.Core/Models/Lighthouse/KsefStatusResponse.cs,
// Message.cs, KsefStatus.cs, MessageCategory.cs, MessageType.cs] (CIRFMF/ksef-client-csharp 2.6.1). That client
// reads JSON case-insensitively (KSeF.Client/Http/JsonUtil.cs PropertyNameCaseInsensitive), so keys are
// matched the same way here: `Status` and `status` are one field.
//
// Which instance: TEST and production have one each [CS:KSeF.Client/DI/LighthouseEnvironmentsUris.cs]. DEMO has
// none [GH CIRFMF/ksef-client-java#158, CIRFMF/ksef-latarnia#23: nothing at api-latarnia-demo]. Production's
// status describes production, so a DEMO profile gets no availability information rather than another
// environment's (it then reads as today: "could not connect"). The simulator serves the same paths under its
// origin (tests/ksef-sim/latarnia.ts). Latarnia is asked only after KSeF itself failed, so a stale status (TEST's
// instance has served fixed sample answers, CIRFMF/ksef-latarnia#30) changes words, never stops a working sync.
import * as z from 'zod/mini';
import type { Environment } from '../domain/environments';

export const LATARNIA_URLS = {
  test: 'https://api-latarnia-test.ksef.mf.gov.pl/',
  production: 'https://api-latarnia.ksef.mf.gov.pl/',
} as const;

/** KsefStatus.cs: AVAILABLE, MAINTENANCE (planned), FAILURE, TOTAL_FAILURE. */
export const LATARNIA_STATUSES = ['AVAILABLE', 'MAINTENANCE', 'FAILURE', 'TOTAL_FAILURE'] as const;
export type LatarniaStatusCode = (typeof LATARNIA_STATUSES)[number];

const isoText = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date-time'));
const text = z.string().check(z.maxLength(4000));

/** Message.cs; category MessageCategory.cs, type MessageType.cs. Unknown extra fields are ignored. */
export const latarniaMessageSchema = z.object({
  id: z.string().check(z.maxLength(200)),
  eventId: z.optional(z.number()),
  category: z.string().check(z.maxLength(40)),
  type: z.string().check(z.maxLength(40)),
  title: text,
  text,
  start: isoText,
  end: z.optional(z.nullable(isoText)),
  version: z.optional(z.number()),
  published: z.optional(isoText),
});
export type LatarniaMessage = z.infer<typeof latarniaMessageSchema>;

/** KsefStatusResponse.cs. A status this version does not know is kept as text and read as "unknown". */
export const latarniaStatusSchema = z.object({
  status: z.string().check(z.maxLength(40)),
  messages: z.optional(z.nullable(z.array(latarniaMessageSchema).check(z.maxLength(200)))),
});
export type LatarniaStatus = z.infer<typeof latarniaStatusSchema>;

/** KsefMessagesResponse.cs is a List<Message>: a bare JSON array. */
export const latarniaMessagesSchema = z.array(latarniaMessageSchema).check(z.maxLength(200));

/** Where the profile's environment has its Latarnia, or null (DEMO; see above). */
export function latarniaBaseFor(environment: Environment, apiBaseUrl?: string): string | null {
  if (environment === 'test' || environment === 'production') return LATARNIA_URLS[environment];
  if (environment === 'simulator' && apiBaseUrl) {
    try {
      return `${new URL(apiBaseUrl).origin}/latarnia/`;
    } catch {
      return null;
    }
  }
  return null;
}

/** Keys with their first letter lowered, all the way down: the C# client's case-insensitive reading. */
function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camelKeys(v)]));
}

export type LatarniaFetch = (input: string, init: RequestInit) => Promise<Response>;

/** Latarnia answers in well under a second; a hung request must not hold a sync run or the verify report. */
export const LATARNIA_TIMEOUT_MS = 8_000;

async function getJson(fetchFn: LatarniaFetch, url: string): Promise<unknown> {
  const response = await fetchFn(url, { method: 'GET', headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(LATARNIA_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`Latarnia answered ${response.status}`);
  return camelKeys(await response.json());
}

/** GET {base}status, parsed; throws when Latarnia cannot be read (callers treat that as "nothing known"). */
export async function fetchLatarniaStatus(fetchFn: LatarniaFetch, base: string): Promise<LatarniaStatus> {
  return latarniaStatusSchema.parse(await getJson(fetchFn, new URL('status', base).href));
}

/** GET {base}messages, parsed. */
export async function fetchLatarniaMessages(fetchFn: LatarniaFetch, base: string): Promise<LatarniaMessage[]> {
  return latarniaMessagesSchema.parse(await getJson(fetchFn, new URL('messages', base).href));
}

/** What the profile's sync state keeps while KSeF announces a break (records.ts SyncState.outage). */
export interface KsefOutage {
  kind: 'outage' | 'maintenance';
  since: string;
  until?: string;
  /** Latarnia's own title of the announcement (Polish, the Ministry's words), shown as text. */
  message?: string;
}

/**
 * The break Latarnia reports now, or null. MAINTENANCE is planned; FAILURE and TOTAL_FAILURE are failures
 * (KsefStatus.cs). The message of the matching category that covers `now` gives the start, end and title.
 */
export function outageOf(status: LatarniaStatus, now: Date): KsefOutage | null {
  const code = status.status.toUpperCase();
  if (code !== 'MAINTENANCE' && code !== 'FAILURE' && code !== 'TOTAL_FAILURE') return null;
  const kind = code === 'MAINTENANCE' ? 'maintenance' : 'outage';
  const nowMs = now.getTime();
  const current = (status.messages ?? []).find((m) => {
    const category = m.category.toUpperCase();
    const fits = kind === 'maintenance' ? category === 'MAINTENANCE' : category === 'FAILURE' || category === 'TOTAL_FAILURE';
    return fits && m.type.toUpperCase() !== 'FAILURE_END' && Date.parse(m.start) <= nowMs && (!m.end || Date.parse(m.end) > nowMs);
  });
  const iso = (s: string) => new Date(Date.parse(s)).toISOString();
  return {
    kind,
    since: current ? iso(current.start) : now.toISOString(),
    ...(current?.end ? { until: iso(current.end) } : {}),
    ...(current?.title ? { message: current.title.slice(0, 300) } : {}),
  };
}
