// Sending figures (issue 12), written to bench-results/bench-send.json (never asserted here; the unit test
// tests/send/engine/requests.test.ts holds the ≤ 3.5 line): KSeF requests per invoice for batches of 1, 10 and
// 50 against the simulator with KSeF's limits, and the engine's time to encrypt a 1 MB invoice in Node.
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createSessionKey, encryptInvoice } from '../lib/send/engine';
import { startSim } from '../tests/send/engine/harness';
import { measureBatch } from '../tests/send/engine/requests';

const OUT = 'bench-results/bench-send.json';
const { sim } = await startSim('bench-send');
try {
  const batches = [];
  for (const count of [1, 10, 50]) batches.push(await measureBatch(sim, count, `BENCH${count}`));
  const key = await createSessionKey(sim.admin.publicKeys().find((k) => k.usage === 'SymmetricKeyEncryption')!.certificate);
  const xml = `<Faktura>${'x'.repeat(999_970)}</Faktura>`;
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const start = performance.now();
    await encryptInvoice(key.aesKey, key.iv, xml);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const figures = {
    requestsPerInvoice: Object.fromEntries(batches.map((b) => [`batchOf${b.invoices}`, { perInvoice: b.perInvoice, requests: b.requests, runs: b.runs, byOperation: b.byOperation }])),
    encrypt1MbNodeMedianMs: Math.round(times[4]! * 10) / 10,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(OUT, JSON.stringify(figures, null, 2) + '\n');
  console.log(JSON.stringify(figures, null, 2));
} finally {
  await sim.stop();
}
