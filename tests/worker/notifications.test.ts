// Notification texts and ids: plurals, hostile invoice data, ids that survive the worker, the interval rule.
import { describe, expect, it } from 'vitest';
import { t, tp } from '../../lib/i18n';
import { defaultPreferences } from '../../lib/store/profiles';
import type { InvoiceRecord } from '../../lib/store/invoice-record';
import type { Profile } from '../../lib/store/records';
import { intervalMinutes } from '../../lib/worker/schedule';
import {
  newInvoicesNotificationId,
  noticeNotificationId,
  parseNotificationId,
} from '../../lib/worker/notification-ids';
import { newInvoicesText, noticeText } from '../../lib/worker/notification-text';
import { hostileStrings } from '../invoice/hostile-strings';
import { makeMetadata } from '../store/helpers';

const profile: Profile = {
  id: 'org|1',
  name: 'Fundacja „Ślad”',
  nip: '5265877635',
  environment: 'test',
  preferences: defaultPreferences(new Date('2026-02-10T12:00:00Z')),
  createdAt: '2026-02-10T12:00:00.000Z',
  updatedAt: '2026-02-10T12:00:00.000Z',
};

function record(i: number, seller: string, gross = 1230.5, currency = 'PLN'): InvoiceRecord {
  const metadata = makeMetadata(i, { seller: { nip: '5265877635', name: seller }, grossAmount: gross, currency });
  return {
    profileId: profile.id,
    ksefNumber: metadata.ksefNumber,
    subjectType: 'Subject2',
    metadata,
    issueDate: metadata.issueDate,
    permanentStorageDate: metadata.permanentStorageDate,
    state: 'new',
    notified: 0,
    hasXml: 0,
    receivedAt: '2026-02-10T12:00:00.000Z',
    searchTerms: [],
  };
}

describe('newInvoicesText', () => {
  it.each([
    [1, '1 nowa faktura kosztowa'],
    [3, '3 nowe faktury kosztowe'],
    [5, '5 nowych faktur kosztowych'],
    [22, '22 nowe faktury kosztowe'],
  ])('%s invoices: "%s" with up to three sellers and gross amounts', (total, first) => {
    const invoices = [record(1, 'Alfa'), record(2, 'Beta', 99, 'EUR'), record(3, 'Gamma'), record(4, 'Delta')].slice(0, total);
    const text = newInvoicesText({ profile, batchId: 'x', invoices, total, firstSync: false }, 'pl');
    const lines = text.message.split('\n');
    expect(text.title).toBe(t('pl', 'notify_new_title', { organisation: 'Fundacja „Ślad”' }));
    expect(lines[0]).toBe(first);
    expect(lines.slice(1, 4)).toEqual(['Alfa: 1\u00a0230,50\u00a0zł', 'Beta: 99,00\u00a0€', 'Gamma: 1\u00a0230,50\u00a0zł'].slice(0, total));
    expect(lines[4]).toBe(total > 3 ? t('pl', 'notify_more', { count: total - 3 }) : undefined);
  });

  it.each([
    [1, '1 nowa faktura'],
    [3, '3 nowe faktury'],
    [5, '5 nowych faktur'],
  ])('says "%s" without "kosztowe" when the profile also fetches sales invoices', (total, first) => {
    const both = { ...profile, preferences: { ...profile.preferences, subjectTypes: ['Subject2', 'Subject1'] as Profile['preferences']['subjectTypes'] } };
    const invoices = [record(1, 'Alfa'), record(2, 'Beta'), record(3, 'Gamma')].slice(0, Math.min(total, 3));
    expect(newInvoicesText({ profile: both, batchId: 'x', invoices, total, firstSync: false }, 'pl').message.split('\n')[0]).toBe(first);
  });

  it('announces a first sync once, as a summary, in the UI language whatever the profile kept', () => {
    const text = newInvoicesText({ profile, batchId: 'x', invoices: [record(1, 'A')], total: 42, firstSync: true }, 'en');
    expect(text.message).toBe(t('en', 'notify_imported_message', { imported: tp('en', 'imported_invoices', 42) }));
    const english = { ...profile, preferences: { ...profile.preferences, language: 'en' as const } };
    expect(newInvoicesText({ profile: english, batchId: 'x', invoices: [record(1, 'A')], total: 42, firstSync: true }, 'pl').message).toContain('Zaimportowano 42 faktury');
  });

  it('names a seller once: its later invoices show their number, so two cut long names never read alike (B18)', () => {
    const long = 'Przedsiębiorstwo Wodociągów i Kanalizacji „Czysta Woda” Spółka z ograniczoną odpowiedzialnością';
    const invoices = [record(1, long, 5788.68), record(2, long, 5788.68), record(3, 'Beta', 10)];
    const lines = newInvoicesText({ profile, batchId: 'x', invoices, total: 3, firstSync: false }, 'pl').message.split('\n');
    expect(lines[1]).toBe(`${long.slice(0, 59)}…: 5\u00a0788,68\u00a0zł`);
    expect(lines[2]).toBe(t('pl', 'notify_same_seller_line', { number: invoices[1]!.metadata.invoiceNumber, amount: '5\u00a0788,68\u00a0zł' }));
    expect(lines[2]).toMatch(/^nr .+ od tego samego sprzedawcy: 5\u00a0788,68\u00a0zł$/);
    expect(lines[1]).not.toBe(lines[2]);
    expect(lines[3]).toBe('Beta: 10,00\u00a0zł');
    const en = newInvoicesText({ profile, batchId: 'x', invoices, total: 3, firstSync: false }, 'en').message.split('\n');
    expect(en[2]).toBe(`no. ${invoices[1]!.metadata.invoiceNumber} from the same seller: PLN\u00a05,788.68`);
  });

  it('keeps hostile seller names as short plain text without bidi or control characters (G12)', () => {
    const all = hostileStrings();
    expect(all.length).toBeGreaterThan(100);
    for (const hostile of all) {
      const text = newInvoicesText({ profile: { ...profile, name: hostile }, batchId: 'x', invoices: [record(1, hostile), record(2, hostile)], total: 2, firstSync: false }, 'pl');
      for (const value of [text.title, text.message]) {
        expect(value).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u0000-\u0008\u000b-\u001f]/);
        expect(value.length).toBeLessThanOrEqual(600);
      }
    }
  });
});

describe('noticeText', () => {
  it.each([
    [{ id: 'cert_expiring_7:2026-02-17T00:00:00.000Z', kind: 'cert_expiring' as const, daysLeft: 7, notAfter: '2026-02-17T00:00:00.000Z' }, 'notify_cert_expiring_title', 'zostało 7 dni'],
    [{ id: 'cert_expiring_1:x', kind: 'cert_expiring' as const, daysLeft: 1, notAfter: '2026-02-11T00:00:00.000Z' }, 'notify_cert_expiring_title', 'został 1 dzień'],
    [{ id: 'cert_expired:x', kind: 'cert_expired' as const, notAfter: '2026-02-01T00:00:00.000Z' }, 'notify_cert_expired_title', 'Aplikacji Podatnika'],
    [{ id: 'permissions_lost', kind: 'permissions_lost' as const }, 'notify_permissions_lost_title', 'uprawnienia'],
    [{ id: 'login_failing', kind: 'login_failing' as const }, 'notify_login_failing_title', 'Certyfikat unieważniony.'],
    [{ id: 'storage_full', kind: 'storage_full' as const }, 'notify_storage_full_title', 'Zezwól na trwałe przechowywanie'],
    [{ id: 'records_skipped', kind: 'records_skipped' as const, count: 2 }, 'notify_records_skipped_title', '2 faktury pominięto: '],
    [{ id: 'sync_stalled', kind: 'sync_stalled' as const, stall: 'KSEF_ERRORS' as const, since: '2026-02-10T08:00:00.000Z' }, 'notify_stalled_title', 'KSeF odpowiada błędami – od 10.02.2026 09:00.'],
    [{ id: 'sync_stalled', kind: 'sync_stalled' as const, stall: 'RATE_LIMITED' as const, since: '2026-02-10T08:00:00.000Z' }, 'notify_stalled_title', 'KSeF wstrzymał pobieranie – od'],
  ] as const)('%j', (notice, titleKey, fragment) => {
    const text = noticeText(profile, notice, 'pl', 'Certyfikat unieważniony.');
    expect(text.title).toBe(t('pl', titleKey, { organisation: 'Fundacja „Ślad”' }));
    expect(text.message).toContain(fragment);
  });
});

describe('notification ids', () => {
  it('carry the profile (any characters), the batch and the count, and parse back', () => {
    const id = newInvoicesNotificationId('org|1', '5265877635-20260115-000000000001-01', 3);
    expect(parseNotificationId(id)).toEqual({ kind: 'new', profileId: 'org|1', oldest: '5265877635-20260115-000000000001-01', count: 3 });
    expect(parseNotificationId(noticeNotificationId('org|1', 'login_failing'))).toEqual({ kind: 'notice', profileId: 'org|1', notice: 'login_failing' });
  });

  it.each(['', 'new|a|b', 'new|a|b|0', 'new|%E0%A4%A|b|1', 'other|x|y'])('%j is not ours', (id) => {
    expect(parseNotificationId(id)).toBeUndefined();
  });
});

describe('intervalMinutes', () => {
  it.each([
    ['production', 5, 15],
    ['demo', 15, 15],
    ['production', 60, 60],
    ['test', 5, 5],
    ['simulator', 1, 1],
  ] as const)('%s asking for %s min → %s', (environment, wanted, expected) => {
    expect(intervalMinutes({ environment, preferences: { ...profile.preferences, intervalMinutes: wanted } })).toBe(expected);
  });
});
