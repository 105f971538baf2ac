// The simulator's Latarnia: the C# client's shapes (parsed with the extension's own schema), announcements
// through the admin API and over HTTP, and the status following the simulator's clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchLatarniaMessages, fetchLatarniaStatus, latarniaBaseFor } from '../../lib/ksef/latarnia';
import { startSimulator, type Simulator } from './index';

let sim: Simulator;
let base: string;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'sim-latarnia', now: '2026-12-07T12:00:00.000Z', freezeClock: true });
  base = latarniaBaseFor('simulator', sim.baseUrl)!;
});
afterAll(() => sim.stop());

describe('simulator Latarnia', () => {
  it('is AVAILABLE without announcements, then follows them and the clock', async () => {
    expect(await fetchLatarniaStatus(fetch, base)).toEqual({ status: 'AVAILABLE', messages: [] });
    const message = sim.admin.announceAvailability({ kind: 'maintenance', title: 'Prace', end: '2026-12-07T14:00:00.000Z' });
    expect(message).toMatchObject({ category: 'MAINTENANCE', type: 'MAINTENANCE_ANNOUNCEMENT', title: 'Prace', start: '2026-12-07T12:00:00.000Z' });
    expect((await fetchLatarniaStatus(fetch, base)).status).toBe('MAINTENANCE');
    expect(await fetchLatarniaMessages(fetch, base)).toHaveLength(1);
    sim.admin.setClock('2026-12-07T15:00:00.000Z');
    expect((await fetchLatarniaStatus(fetch, base)).status).toBe('AVAILABLE');
    sim.admin.clearAvailability();
    expect(await fetchLatarniaMessages(fetch, base)).toEqual([]);
  });

  it('takes announcements over HTTP and refuses an unknown kind', async () => {
    const origin = new URL(sim.baseUrl).origin;
    const post = await fetch(`${origin}/admin/latarnia`, { method: 'POST', body: JSON.stringify({ kind: 'total_failure' }) });
    expect(post.status).toBe(200);
    expect((await fetchLatarniaStatus(fetch, base)).status).toBe('TOTAL_FAILURE');
    expect((await fetch(`${origin}/admin/latarnia`, { method: 'POST', body: JSON.stringify({ kind: 'flood' }) })).status).toBe(400);
    expect((await fetch(`${origin}/admin/latarnia`, { method: 'DELETE' })).status).toBe(200);
    expect((await fetchLatarniaStatus(fetch, base)).status).toBe('AVAILABLE');
    expect((await fetch(`${origin}/latarnia/other`)).status).toBe(404);
  });
});
