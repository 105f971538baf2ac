// KSeF requests per invoice for one batch (issue 12 figure: ≤ 3.5 in a batch of 50): the engine against the
// simulator with KSeF's real limits on both sides (NOTES §9: 30 invoice POSTs a minute), budget waits skipped
// by moving the simulator's clock, every request counted from the simulator's log.
import { sendPending } from '../../../lib/send/engine';
import { buildDeps, createFakeNotifier, freshProfileStore, invoiceFile, type Sim } from './harness';

export interface BatchFigures {
  invoices: number;
  requests: number;
  perInvoice: number;
  runs: number;
  accepted: number;
  byOperation: Record<string, number>;
}

export async function measureBatch(sim: Sim, count: number, tag: string): Promise<BatchFigures> {
  sim.admin.configureRateLimits({ enabled: true, reset: true });
  const { store, profile } = await freshProfileStore(sim);
  const notes = createFakeNotifier();
  const files = Array.from({ length: count }, (_, i) => invoiceFile(sim, `FV/${tag}/${i + 1}`));
  const items = await store.queueOutboxBatch(profile.id, `batch-${tag}`, files);
  const since = sim.state.requestLog.at(-1)?.seq ?? 0;
  const deps = buildDeps(sim, store, notes.notifier);
  let runs = 0;
  for (; runs < 50; ) {
    runs += 1;
    const result = await sendPending(deps, profile);
    if (result.outcome !== 'waiting') break;
    sim.admin.setClock(new Date(Date.parse(result.until!) + 1));
  }
  const byOperation = sim.admin.requestCounts(since);
  const requests = Object.values(byOperation).reduce((a, b) => a + b, 0);
  const accepted = (await Promise.all(items.map((i) => store.getOutboxItem(i.id)))).filter((i) => i?.step === 'accepted').length;
  sim.admin.configureRateLimits({ enabled: false, reset: true });
  return { invoices: count, requests, perInvoice: Math.round((requests / count) * 100) / 100, runs, accepted, byOperation };
}
