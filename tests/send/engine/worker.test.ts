// The worker's send wiring (Sending §2, §4): files queued in one transaction and sent in the background,
// one notification per batch with plural forms right, a click that opens the send view, the badge untouched,
// and the rules of "Usuń" and "Ponów".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchEndText } from '../../../lib/worker/send-notifier';
import { setupWorker } from '../../worker/fakes';
import type { Checked } from '../../ksef-sim/kit';
import { BUYER, invoiceFile, startSim, type Sim } from './harness';

let checked: Checked;
let sim: Sim;

beforeAll(async () => {
  checked = await startSim('send-worker');
  sim = checked.sim;
});
afterAll(() => sim.stop());

describe('the batch-end text', () => {
  it.each([
    [{ accepted: 2, rejected: 1, failed: 0 }, 'pl', '2 faktury przyjęte przez KSeF, 1 odrzucona'],
    [{ accepted: 1, rejected: 0, failed: 0 }, 'pl', '1 faktura przyjęta przez KSeF'],
    [{ accepted: 5, rejected: 2, failed: 1 }, 'pl', '5 faktur przyjętych przez KSeF, 2 odrzucone, 1 niewysłana'],
    [{ accepted: 22, rejected: 0, failed: 12 }, 'pl', '22 faktury przyjęte przez KSeF, 12 niewysłanych'],
    [{ accepted: 0, rejected: 3, failed: 0 }, 'pl', '3 faktury odrzucone przez KSeF'],
    [{ accepted: 0, rejected: 0, failed: 1 }, 'pl', '1 faktura niewysłana'],
    [{ accepted: 2, rejected: 1, failed: 0 }, 'en', '2 invoices accepted by KSeF, 1 rejected'],
  ] as const)('%o in %s reads "%s"', (counts, lang, text) => {
    expect(batchEndText(counts, lang)).toBe(text);
  });
});

describe('the worker', () => {
  it('queues the files, answers at once, sends them in the background and announces the batch once', async () => {
    const { worker, store, browser } = await setupWorker(sim);
    const files = ['FV/W/1', 'FV/W/2'].map((n) => invoiceFile(sim, n)).map(({ fileName, xml }) => ({ fileName, xml }));
    const answer = (await worker.handlers.sendInvoices({ type: 'sendInvoices', profileId: 'org', files })) as { batchId: string; itemIds: string[] };
    expect(answer.itemIds).toHaveLength(2);
    await expect.poll(async () => (await Promise.all(answer.itemIds.map((id) => store.getOutboxItem(id)))).map((i) => i?.step), { timeout: 60_000 }).toEqual(['accepted', 'accepted']);
    await expect.poll(() => [...browser.shown.values()].map((n) => n.message), { timeout: 30_000 }).toEqual(['2 faktury przyjęte przez KSeF']);
    expect(browser.badge.text).toBe('');
    const id = [...browser.shown.keys()][0]!;
    await worker.onNotificationClicked(id);
    expect(browser.tabs).toEqual(['inbox.html?profile=org#send']);

    // An accepted invoice is neither removed nor sent again; the same file again is refused as already sent.
    for (const [type, code] of [['removeOutboxItem', 'NOT_REMOVABLE'], ['retryOutboxItem', 'NOT_RETRYABLE']] as const) {
      await expect(worker.handlers[type]({ type, itemId: answer.itemIds[0]! } as never)).rejects.toMatchObject({ name: 'SendError', code });
    }
    await expect(worker.handlers.sendInvoices({ type: 'sendInvoices', profileId: 'org', files: [files[0]!] })).rejects.toMatchObject({
      name: 'SendError',
      code: 'FILE_REFUSED',
      message: expect.stringContaining('ALREADY_SENT'),
    });
  }, 120_000);

  it("a removed organisation's send alarm goes with it, and one left from a removed organisation is dropped at start", async () => {
    const { worker, browser } = await setupWorker(sim, { credentials: false });
    await browser.seams.alarms.create('send:org', { delayInMinutes: 1 });
    await browser.seams.alarms.create('send:gone', { delayInMinutes: 1 });
    await worker.onStartup();
    expect(browser.alarms.has('send:gone')).toBe(false);
    expect(browser.alarms.has('send:org')).toBe(true);
    await worker.handlers.deleteProfile({ type: 'deleteProfile', profileId: 'org' });
    expect([...browser.alarms.keys()].filter((name) => name.startsWith('send:'))).toEqual([]);
  });

  it('refuses a file whose seller is not the organisation, storing nothing', async () => {
    const { worker, store } = await setupWorker(sim, { credentials: false });
    const { fileName, xml } = invoiceFile(sim, 'FV/W/OTHER', { sellerNip: BUYER });
    await expect(worker.handlers.sendInvoices({ type: 'sendInvoices', profileId: 'org', files: [{ fileName, xml }] })).rejects.toMatchObject({
      name: 'SendError',
      code: 'FILE_REFUSED',
      message: expect.stringContaining('SELLER_NOT_ORGANISATION'),
    });
    expect(await store.listOutbox('org')).toEqual([]);
  });
});
