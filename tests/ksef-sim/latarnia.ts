// Latarnia, KSeF's public status service (NOTES §1), served under the simulator's origin at `/latarnia/status`
// and `/latarnia/messages` (the extension's lib/ksef/latarnia.ts asks `${origin}/latarnia/` for a simulator
// profile). Shapes as the official C# client reads them [CS:KSeF.Client/Clients/LighthouseClient.cs;
// KSeF.Client.Core/Models/Lighthouse/*.cs]: `/status` → { status, messages }, `/messages` → [message], camelCase
// as the Ministry's APIs write JSON. Without an announcement KSeF is AVAILABLE with no messages. Tests and the
// demo announce a break through the admin API (`announceAvailability`, POST /admin/latarnia) and end it
// (`clearAvailability`, DELETE /admin/latarnia); announcing does not make /v2 fail: add a fault for that.
import type { SimState } from './state';
import { iso } from './time';

export interface AvailabilityInput {
  /** maintenance: planned (MAINTENANCE); failure / total_failure: a failure under way. */
  kind: 'maintenance' | 'failure' | 'total_failure';
  title?: string;
  text?: string;
  /** Defaults: start now, no end. */
  start?: string;
  end?: string;
}

interface Announcement {
  input: AvailabilityInput;
  id: string;
  eventId: number;
  published: number;
}

const byState = new WeakMap<SimState, Announcement[]>();

function listOf(state: SimState): Announcement[] {
  let list = byState.get(state);
  if (!list) byState.set(state, (list = []));
  return list;
}

function messageOf(state: SimState, a: Announcement) {
  const category = a.input.kind === 'maintenance' ? 'MAINTENANCE' : a.input.kind === 'failure' ? 'FAILURE' : 'TOTAL_FAILURE';
  return {
    id: a.id,
    eventId: a.eventId,
    category,
    type: a.input.kind === 'maintenance' ? 'MAINTENANCE_ANNOUNCEMENT' : 'FAILURE_START',
    title: a.input.title ?? (a.input.kind === 'maintenance' ? 'Prace serwisowe KSeF' : 'Awaria KSeF'),
    text: a.input.text ?? (a.input.kind === 'maintenance' ? 'Trwa planowana niedostępność KSeF.' : 'Trwa awaria KSeF.'),
    start: a.input.start ?? iso(a.published),
    ...(a.input.end ? { end: a.input.end } : {}),
    version: 1,
    published: iso(a.published),
  };
}

/** The status now: the announcement covering the simulator's clock decides it (a failure before maintenance). */
function statusOf(state: SimState) {
  const now = state.clock.now();
  const live = listOf(state).filter((a) => Date.parse(a.input.start ?? iso(a.published)) <= now && (!a.input.end || Date.parse(a.input.end) > now));
  const worst = live.find((a) => a.input.kind === 'total_failure') ?? live.find((a) => a.input.kind === 'failure') ?? live[0];
  const status = !worst ? 'AVAILABLE' : worst.input.kind === 'maintenance' ? 'MAINTENANCE' : worst.input.kind === 'failure' ? 'FAILURE' : 'TOTAL_FAILURE';
  return { status, messages: listOf(state).map((a) => messageOf(state, a)) };
}

export function latarniaAdmin(state: SimState) {
  return {
    /** Announces a maintenance or failure in Latarnia (KSeF's own answers are unchanged: add a fault for that). */
    announceAvailability(input: AvailabilityInput): Record<string, unknown> {
      if (!input || !['maintenance', 'failure', 'total_failure'].includes(input.kind)) throw new TypeError('"kind" must be maintenance, failure or total_failure');
      const list = listOf(state);
      const a: Announcement = { input: { ...input }, id: `sim-${list.length + 1}`, eventId: list.length + 1, published: state.clock.now() };
      list.push(a);
      return messageOf(state, a);
    },
    /** KSeF available again: every announcement withdrawn. */
    clearAvailability(): void {
      listOf(state).length = 0;
    },
  };
}

/** GET /latarnia/status and /latarnia/messages; null for any other path (the server answers 404). */
export function handleLatarnia(state: SimState, method: string, pathname: string): { status: number; json: unknown } | null {
  if (method !== 'GET') return null;
  if (pathname === '/latarnia/status') return { status: 200, json: statusOf(state) };
  if (pathname === '/latarnia/messages') return { status: 200, json: statusOf(state).messages };
  return null;
}
