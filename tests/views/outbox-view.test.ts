// The sent-invoice list's read model: the state in plain words per step and language, what may be done with an
// item, KSeF's reasons, a limit's wait, and the grouping by sending with its counted summary.
import { describe, expect, it } from 'vitest';
import { batchSummary, groupByBatch, hasPending, OUTBOX_REFRESH_MS, outboxStatus, refreshDelay, type SentItem } from '../../lib/views/outbox-view';

const NOW = new Date('2026-03-02T10:00:00Z');

function item(step: SentItem['step'], extra: Partial<SentItem> = {}): SentItem {
  return {
    id: `id-${step}`,
    profileId: 'org',
    batchId: 'b1',
    fileName: `${step}.xml`,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:05.000Z',
    step,
    facts: { sellerNip: '5265877635', kind: 'VAT', number: 'FV/1/2026', issueDate: '2026-03-02', sha256Base64: 'x' },
    ...extra,
  };
}

describe('outboxStatus', () => {
  it.each([
    ['queued', 'W kolejce', 'Queued', 'pending', false, false],
    ['sending', 'Wysyłanie', 'Sending', 'pending', false, false],
    ['sent', 'Wysyłanie: KSeF sprawdza fakturę', 'Sending: KSeF is checking the invoice', 'pending', false, false],
    ['accepted', 'Przyjęta przez KSeF', 'Accepted by KSeF', 'ok', false, false],
    ['rejected', 'Odrzucona', 'Rejected', 'error', true, false],
    ['failed', 'Nie udało się wysłać — ponów', 'Could not be sent — retry', 'warn', true, true],
  ] as const)('%s: "%s" / "%s"', (step, pl, en, tone, canRemove, canRetry) => {
    expect(outboxStatus(item(step), 'pl', NOW)).toEqual({ tone, label: pl, pending: tone === 'pending', canRemove, canRetry });
    expect(outboxStatus(item(step), 'en', NOW).label).toBe(en);
  });

  it("gives a rejection's reason as the worker translated it, in the page language", () => {
    const rejected = item('rejected', {
      ksefStatus: { code: 450, description: 'Błąd weryfikacji semantyki dokumentu faktury' },
      error: { code: 'KSEF_450', message: 'KSeF odrzucił fakturę: błąd treści.', messageEn: 'KSeF rejected the invoice: content error.' },
    });
    expect(outboxStatus(rejected, 'pl', NOW).reason).toBe('KSeF odrzucił fakturę: błąd treści.');
    expect(outboxStatus(rejected, 'en', NOW).reason).toBe('KSeF rejected the invoice: content error.');
  });

  it("falls back to KSeF's own code, description, details and original number", () => {
    const rejected = item('rejected', {
      ksefStatus: { code: 440, description: 'Duplikat faktury', details: ['Faktura już istnieje.', ' '], originalKsefNumber: '5265877635-20260301-0100001AF629-B1' },
    });
    expect(outboxStatus(rejected, 'pl', NOW).reason).toBe(
      'KSeF: 440 Duplikat faktury. Faktura już istnieje. Pierwotny numer KSeF: 5265877635-20260301-0100001AF629-B1.',
    );
  });

  it('says until when a KSeF limit holds a queued item, and when to retry a failed one', () => {
    const until = '2026-03-02T11:30:00Z';
    expect(outboxStatus(item('queued', { error: { code: 'BUDGET', message: 'x', until } }), 'pl', NOW).reason).toBe(
      'Czeka na limit KSeF do 02.03.2026, godz. 12:30; potem wyśle się sama.',
    );
    expect(outboxStatus(item('failed', { error: { code: 'BUDGET', message: 'x', until } }), 'en', NOW).reason).toBe(
      'KSeF will take it after 2026-03-02 12:30; press “Retry” then.',
    );
    // Once the wait is over, the failure's own message shows.
    expect(outboxStatus(item('failed', { error: { code: 'NETWORK', message: 'Brak połączenia.', until } }), 'pl', new Date('2026-03-02T12:00:00Z')).reason).toBe('Brak połączenia.');
  });

  it('checks the step', () => {
    expect(() => outboxStatus(item('draft' as never), 'pl')).toThrow(
      new TypeError('"item.step" must be one of queued, sending, sent, accepted, rejected, failed'),
    );
  });
});

describe('groupByBatch and batchSummary', () => {
  const items = [
    item('accepted', { id: 'a', fileName: 'b.xml' }),
    item('accepted', { id: 'b', fileName: 'a.xml' }),
    item('rejected', { id: 'c', fileName: 'c.xml' }),
    item('queued', { id: 'd', batchId: 'b2', createdAt: '2026-03-02T09:30:00.000Z' }),
  ];

  it('puts the newest sending first and orders its files by name', () => {
    const batches = groupByBatch(items);
    expect(batches.map((b) => b.batchId)).toEqual(['b2', 'b1']);
    expect(batches[1]!.items.map((i) => i.fileName)).toEqual(['a.xml', 'b.xml', 'c.xml']);
    expect(batches[1]!.counts).toEqual({ accepted: 2, rejected: 1, failed: 0, pending: 0 });
  });

  it.each([
    [{ accepted: 2, rejected: 1, failed: 0, pending: 0 }, 'pl', '2 przyjęte przez KSeF, 1 odrzucona'],
    [{ accepted: 5, rejected: 0, failed: 2, pending: 1 }, 'pl', '5 przyjętych przez KSeF, 2 niewysłane, 1 w toku'],
    [{ accepted: 1, rejected: 22, failed: 0, pending: 0 }, 'pl', '1 przyjęta przez KSeF, 22 odrzucone'],
    [{ accepted: 1, rejected: 2, failed: 0, pending: 0 }, 'en', '1 accepted by KSeF, 2 rejected'],
  ] as const)('%o in %s: "%s"', (counts, lang, text) => {
    expect(batchSummary({ counts }, lang)).toBe(text);
  });

  it('checks its argument', () => {
    expect(() => groupByBatch('x' as never)).toThrow(new TypeError('"items" must be an array of outbox items'));
  });
});

describe('refreshDelay', () => {
  it('reads the store often while the worker sends, rarely when all is final', () => {
    expect(refreshDelay([item('accepted'), item('sent')])).toBe(OUTBOX_REFRESH_MS.busy);
    expect(refreshDelay([item('accepted'), item('failed')])).toBe(OUTBOX_REFRESH_MS.idle);
    expect(refreshDelay([])).toBe(OUTBOX_REFRESH_MS.idle);
    expect(hasPending([item('queued')])).toBe(true);
    expect(hasPending([item('rejected'), item('accepted')])).toBe(false);
  });
});
