// Latarnia's client: the shapes of the official C# client's models, read case-insensitively as it reads them,
// which instance each environment asks, and what counts as an announced break.
import { describe, expect, it } from 'vitest';
import { fetchLatarniaMessages, fetchLatarniaStatus, latarniaBaseFor, outageOf, type LatarniaStatus } from '../../lib/ksef/latarnia';

const NOW = new Date('2026-12-07T21:00:00Z');
const message = (over: Record<string, unknown> = {}) => ({
  id: 'm1', eventId: 7, category: 'MAINTENANCE', type: 'MAINTENANCE_ANNOUNCEMENT', title: 'Prace serwisowe', text: 'KSeF niedostępny',
  start: '2026-12-07T20:00:00+01:00', end: '2026-12-08T02:00:00+01:00', version: 1, published: '2026-12-01T10:00:00+01:00', ...over,
});
const answer = (body: unknown, status = 200) => async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('latarnia', () => {
  it('asks TEST and production at their hosts, the simulator at its origin, DEMO nowhere (no instance)', () => {
    expect(latarniaBaseFor('test')).toBe('https://api-latarnia-test.ksef.mf.gov.pl/');
    expect(latarniaBaseFor('production')).toBe('https://api-latarnia.ksef.mf.gov.pl/');
    expect(latarniaBaseFor('demo')).toBeNull();
    expect(latarniaBaseFor('simulator', 'http://127.0.0.1:8787/v2')).toBe('http://127.0.0.1:8787/latarnia/');
  });

  it('reads /status in camelCase and in the C# models\' PascalCase alike', async () => {
    const urls: string[] = [];
    const camel = await fetchLatarniaStatus(async (url, init) => (urls.push(url), answer({ status: 'MAINTENANCE', messages: [message()] })()), 'https://api-latarnia.ksef.mf.gov.pl/');
    expect(urls).toEqual(['https://api-latarnia.ksef.mf.gov.pl/status']);
    const pascal = await fetchLatarniaStatus(answer({ Status: 'MAINTENANCE', Messages: [Object.fromEntries(Object.entries(message()).map(([k, v]) => [k[0]!.toUpperCase() + k.slice(1), v]))] }), 'https://x.example/');
    expect(pascal).toEqual(camel);
    expect(await fetchLatarniaMessages(answer([message()]), 'https://x.example/')).toHaveLength(1);
  });

  it('refuses what is not Latarnia\'s shape or status', async () => {
    await expect(fetchLatarniaStatus(answer({ messages: [] }), 'https://x.example/')).rejects.toThrow();
    await expect(fetchLatarniaStatus(answer({ status: 'AVAILABLE' }, 503), 'https://x.example/')).rejects.toThrow('Latarnia answered 503');
  });

  it('names a break only for MAINTENANCE, FAILURE and TOTAL_FAILURE, with the covering message\'s dates and title', () => {
    const of = (s: LatarniaStatus) => outageOf(s, NOW);
    expect(of({ status: 'AVAILABLE', messages: [message()] })).toBeNull();
    expect(of({ status: 'SOMETHING_NEW' })).toBeNull();
    expect(of({ status: 'MAINTENANCE', messages: [message()] })).toEqual({ kind: 'maintenance', since: '2026-12-07T19:00:00.000Z', until: '2026-12-08T01:00:00.000Z', message: 'Prace serwisowe' });
    expect(of({ status: 'TOTAL_FAILURE', messages: [message(), message({ id: 'f', category: 'TOTAL_FAILURE', type: 'FAILURE_START', title: 'Awaria', end: null })] }))
      .toEqual({ kind: 'outage', since: '2026-12-07T19:00:00.000Z', message: 'Awaria' });
    expect(of({ status: 'FAILURE', messages: null })).toEqual({ kind: 'outage', since: NOW.toISOString() });
  });
});
