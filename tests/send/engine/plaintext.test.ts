// "The worker holds one invoice's plaintext at a time" (issue 12, Tests and figures): the engine lists the
// outbox without XML, reads one item's XML, encrypts and posts it, and only then reads the next. Every store
// answer is inspected for XML, and every read of an item's text is paired with that item's POST. The store's
// update calls answer with whole records today (lib/store/outbox.ts updateOutboxItems); the engine must never
// look at their text, which the answers here record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendPending } from '../../../lib/send/engine';
import type { SendDeps, SendStore } from '../../../lib/send/types';
import type { Checked } from '../../ksef-sim/kit';
import { buildDeps, createFakeNotifier, freshProfileStore, invoiceFile, startSim, type Sim } from './harness';

let checked: Checked;
let sim: Sim;

beforeAll(async () => {
  checked = await startSim('send-plaintext');
  sim = checked.sim;
});
afterAll(() => sim.stop());

/** Store answers that carry an invoice's text (`xml` on an outbox item), wherever they are nested. */
function carriesXml(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(carriesXml);
  return typeof value === 'object' && value !== null && typeof (value as { xml?: unknown }).xml === 'string';
}

describe('plaintext in the worker', () => {
  it('one invoice text at a time: read, encrypted, posted, then the next', async () => {
    const { store, profile } = await freshProfileStore(sim);
    const files = Array.from({ length: 5 }, (_, i) => invoiceFile(sim, `FV/PLAIN/${i + 1}`));
    const items = await store.queueOutboxBatch(profile.id, 'batch-plain', files);
    const xmlOf = new Map(items.map((item, i) => [item.id, files[i]!.xml]));
    const idByHash = new Map(items.map((item, i) => [files[i]!.facts.sha256Base64, item.id]));

    const events: string[] = [];
    const live = new Set<string>();
    let mostLive = 0;
    const xmlFrom: string[] = [];
    const textLookedAt: string[] = [];
    const watchText = (answer: unknown, method: string): unknown => {
      if (Array.isArray(answer)) return answer.map((a) => watchText(a, method));
      if (typeof answer !== 'object' || answer === null) return answer;
      return new Proxy(answer, {
        get(target, key, receiver) {
          if (key === 'xml') textLookedAt.push(method);
          return Reflect.get(target, key, receiver);
        },
      });
    };
    const watchedStore = new Proxy(store, {
      get(target, name, receiver) {
        const member = Reflect.get(target, name, receiver);
        if (typeof member !== 'function') return member;
        return async (...args: unknown[]) => {
          const answer = await member.apply(target, args);
          if (String(name).startsWith('update')) return watchText(answer, String(name));
          if (carriesXml(answer)) {
            xmlFrom.push(String(name));
            if (name === 'getOutboxItem') {
              const id = String(args[0]);
              events.push(`read ${id}`);
              live.add(id);
              mostLive = Math.max(mostLive, live.size);
            }
          }
          return answer;
        };
      },
    }) as SendStore;

    const notes = createFakeNotifier();
    const base = buildDeps(sim, store, notes.notifier);
    const posted: string[] = [];
    const sessions = new Proxy(base.client.sessions, {
      get(target, name, receiver) {
        const member = Reflect.get(target, name, receiver);
        if (name !== 'sendInvoice') return member;
        return async (...args: Parameters<typeof target.sendInvoice>) => {
          const [, request] = args;
          const id = idByHash.get(request.invoiceHash)!;
          posted.push(request.encryptedInvoiceContent);
          const answer = await member.apply(target, args);
          events.push(`post ${id}`);
          live.delete(id);
          return answer;
        };
      },
    });
    const deps: SendDeps = { ...base, store: watchedStore, client: { ...base.client, sessions } };

    const result = await sendPending(deps, profile);

    expect(result).toMatchObject({ outcome: 'done', ended: ['batch-plain'] });
    expect(events).toEqual(items.flatMap((item) => [`read ${item.id}`, `post ${item.id}`]));
    expect(mostLive).toBe(1);
    // Only the one read per invoice brought its text out of the store; lists and other reads never do, and
    // the text in update answers is never looked at.
    expect(xmlFrom).toEqual(items.map(() => 'getOutboxItem'));
    expect(textLookedAt).toEqual([]);
    // What leaves for KSeF is ciphertext, never the text itself.
    expect(posted).toHaveLength(items.length);
    for (const [i, content] of posted.entries()) {
      expect(Buffer.from(content, 'base64').toString('latin1')).not.toContain('<Faktura');
      expect(content).not.toContain(xmlOf.get(items[i]!.id)!.slice(0, 40));
    }
    for (const item of items) expect(await store.getOutboxItem(item.id)).toMatchObject({ step: 'accepted' });
  });
});
