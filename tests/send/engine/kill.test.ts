// RELIABILITY G7 on the sending engine (issue 12 Rules): the engine killed at every await point it reaches,
// before and after the pending call (for a store write: before it starts, and after it committed; for a POST:
// before it leaves, and after KSeF took it). A kill is faithful: the call never resolves and the engine is
// thrown away, so no catch or finally of it runs. A fresh engine then resumes from what the store holds and
// must end with 0 lost, 0 sent twice (counted in what the simulator received), and each outcome announced once.
import { finishedOrKilled, killableCalls, type KillMode } from '../../helpers/kill-at';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendPending } from '../../../lib/send/engine';
import type { SendDeps } from '../../../lib/send/types';
import type { Store } from '../../../lib/store/store';
import type { Profile } from '../../../lib/store/records';
import type { Checked } from '../../ksef-sim/kit';
import { buildDeps, createFakeNotifier, freshProfileStore, invoiceFile, postedToSim, startSim, type Sim } from './harness';

let checked: Checked;
let sim: Sim;

beforeAll(async () => {
  checked = await startSim('send-engine-kill');
  sim = checked.sim;
});
afterAll(() => sim.stop());

function instrument(deps: SendDeps, killAt: number, mode: KillMode) {
  const { wrap, wrapAll, killed, count } = killableCalls(killAt, mode);
  const wrapped: SendDeps = {
    ...deps,
    store: wrapAll(deps.store),
    client: { security: wrapAll(deps.client.security), sessions: wrapAll(deps.client.sessions) },
    session: wrapAll(deps.session),
    notifier: wrapAll(deps.notifier),
    clock: { now: deps.clock.now, sleep: wrap(deps.clock.sleep) },
  };
  return { deps: wrapped, killed, count };
}

/** Runs clean engines until nothing is left, waiting out any limit or back-off. */
async function converge(deps: SendDeps, profile: Profile) {
  for (let i = 0; i < 10; i++) {
    const result = await sendPending(deps, profile);
    if (result.outcome !== 'waiting') return;
    sim.admin.setClock(new Date(Date.parse(result.until!) + 1000));
  }
  throw new Error('did not converge in 10 runs');
}

interface Scenario {
  name: string;
  /** P_2 suffixes of the batch; `rejected` forces 450 on the second. */
  count: number;
  rejected?: boolean;
}

const scenarios: Scenario[] = [
  { name: 'a batch of 3 accepted', count: 3 },
  { name: 'a batch of 2, one rejected (450)', count: 2, rejected: true },
];

describe.each(scenarios)('kill at every await: $name', (scenario) => {
  it('loses nothing, sends nothing twice, announces each outcome once', async () => {
    let points = -1;
    const tried: string[] = [];
    let run = 0;
    for (const mode of ['before', 'after'] as const) {
      for (let killAt = 0; ; killAt++) {
        run += 1;
        sim.admin.clearInvoiceStatusRules();
        const numbers = Array.from({ length: scenario.count }, (_, i) => `FV/${scenario.rejected ? 'R' : 'A'}/${run}/${i + 1}`);
        if (scenario.rejected) sim.admin.forceInvoiceStatus({ invoiceNumber: numbers[1]!, code: 450, details: ['Błąd semantyczny.'] });
        const { store, profile } = await freshProfileStore(sim);
        const notes = createFakeNotifier();
        const items = await store.queueOutboxBatch(profile.id, `batch-${run}`, numbers.map((n) => invoiceFile(sim, n)));
        const postedBefore = postedToSim(sim);
        const base = buildDeps(sim, store, notes.notifier);
        const probe = instrument(base, killAt, mode);
        const outcome = await finishedOrKilled(sendPending(probe.deps, profile), probe.killed);
        if (outcome === 'finished') {
          points = Math.max(points, probe.count());
          break;
        }
        tried.push(`${mode}@${killAt}`);
        await converge(buildDeps(sim, store, notes.notifier), profile);
        await expectSettled(store, items.map((i) => i.id), scenario, `${scenario.name}, killed ${mode} await ${killAt}`);
        expect(postedToSim(sim) - postedBefore, `${mode}@${killAt}: POSTs`).toBe(scenario.count);
        const shown = [...notes.visible.values()];
        expect(shown.reduce((sum, n) => sum + n.accepted + n.rejected + n.failed, 0), `${mode}@${killAt}: announced`).toBe(scenario.count);
      }
    }
    expect(points).toBeGreaterThan(15);
    expect(tried).toHaveLength(2 * points);
  }, 600_000);
});

async function expectSettled(store: Store, ids: string[], scenario: Scenario, context: string) {
  const items = await Promise.all(ids.map((id) => store.getOutboxItem(id)));
  const steps = items.map((i) => i!.step);
  expect(steps, context).toEqual(ids.map((_, i) => (scenario.rejected && i === 1 ? 'rejected' : 'accepted')));
  for (const item of items) {
    expect(item!.notified, context).toBe(true);
    if (item!.step === 'accepted') expect(item!.upoXml, context).toContain(item!.ksefNumber);
  }
}
