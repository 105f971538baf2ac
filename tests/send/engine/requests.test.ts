// Issue 12 figure: KSeF requests per invoice in a batch of 50 ≤ 3.5 (open and close shared, status by one
// list per session, UPOs per invoice and per session), within KSeF's real limits (NOTES §9).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Checked } from '../../ksef-sim/kit';
import { startSim, type Sim } from './harness';
import { measureBatch } from './requests';

let checked: Checked;
let sim: Sim;

beforeAll(async () => {
  checked = await startSim('send-engine-requests');
  sim = checked.sim;
});
afterAll(() => sim.stop());

it('a batch of 50 costs at most 3.5 KSeF requests per invoice, all accepted, waiting out the POST budget', async () => {
  const figures = await measureBatch(sim, 50, 'B50');
  expect(figures.accepted).toBe(50);
  expect(figures.byOperation['POST /sessions/online/{referenceNumber}/invoices']).toBe(50);
  expect(figures.byOperation['POST /sessions/online']).toBe(1);
  expect(figures.perInvoice).toBeLessThanOrEqual(3.5);
  // 30 POSTs a minute: the batch needs at least one wait for the budget (a run that ends with `until`).
  expect(figures.runs).toBeGreaterThan(1);
  expect(checked.checker.requestViolations).toEqual([]);
  expect(checked.checker.responseViolations).toEqual([]);
}, 240_000);
