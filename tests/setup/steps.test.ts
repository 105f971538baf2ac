// The guided set-up's rules (lib/setup/steps.ts) and the activity log's words (lib/setup/log-view.ts).
import { describe, expect, it } from 'vitest';
import { canSaveOrganisation, longDay, monthBefore, olderFromValid, setupStep } from '../../lib/setup/steps';
import { logEntryView } from '../../lib/setup/log-view';

describe('setup steps', () => {
  it('follows what the store holds: organisation → certificate → verify → done', () => {
    const f = { saved: false, hasCertificate: false, verifiedOk: false, syncedOk: false };
    expect(setupStep(f)).toBe('organisation');
    expect(setupStep({ ...f, saved: true })).toBe('certificate');
    expect(setupStep({ ...f, saved: true, hasCertificate: true })).toBe('verify');
    expect(setupStep({ ...f, saved: true, hasCertificate: true, verifiedOk: true })).toBe('done');
    expect(setupStep({ ...f, saved: true, hasCertificate: true, syncedOk: true })).toBe('done');
  });

  it('goes back to the check when the check just run on the page failed, even after a good sync', () => {
    const f = { saved: true, hasCertificate: true, verifiedOk: false, syncedOk: true };
    expect(setupStep({ ...f, verifyFailed: true })).toBe('verify');
    expect(setupStep({ ...f, verifyFailed: false })).toBe('done');
  });

  it('saves an organisation without a certificate once its name and NIP are right', () => {
    const draft = { name: 'Biuro', nipInput: '526-587-76-35', environment: 'production' as const, baseUrl: '' };
    expect(canSaveOrganisation(draft, false)).toBe(true);
    expect(canSaveOrganisation(draft, true)).toBe(false);
    expect(canSaveOrganisation({ ...draft, nipInput: '5265877636' }, false)).toBe(false);
    expect(canSaveOrganisation({ ...draft, name: ' ' }, false)).toBe(false);
  });

  it('words days and offers the month before for older invoices', () => {
    expect(longDay('pl', '2026-12-01')).toBe('1 grudnia 2026');
    expect(longDay('en', '2026-12-01')).toBe('1 December 2026');
    expect(monthBefore('2026-12-01')).toBe('2026-11-01');
    expect(monthBefore('2026-01-15')).toBe('2025-12-01');
    expect(olderFromValid('2026-11-01', '2026-12-01')).toBe(true);
    expect(olderFromValid('2026-12-01', '2026-12-01')).toBe(false);
    expect(olderFromValid('', '2026-12-01')).toBe(false);
  });

  it('gives each log entry a sentence, the count a run stored, and keeps the technical text apart', () => {
    const at = '2026-12-07T10:00:00.000Z';
    expect(logEntryView({ id: 3, at, level: 'info', code: 'SYNC_OK', message: 'stored 3, announced 3' })).toMatchObject({ key: 'options_log_SYNC_OK', stored: 3 });
    expect(logEntryView({ id: 4, at, level: 'info', code: 'SYNC_OK', message: 'stored 0, announced 0' }).stored).toBeUndefined();
    expect(logEntryView({ id: 5, at, level: 'warn', code: 'SYNC_NETWORK', message: 'x' }).key).toBe('options_log_SYNC_NETWORK');
    expect(logEntryView({ id: 6, at, level: 'warn', code: 'SYNC_HTTP_503', message: 'x' }).key).toBe('options_log_SYNC_FAILED');
    expect(logEntryView({ id: 7, at, level: 'warn', code: 'KSEF_MAINTENANCE', message: 'x' }).key).toBe('options_log_KSEF_MAINTENANCE');
    expect(logEntryView({ id: 8, at, level: 'error', code: 'WORKER_STARTUP_FAILED', message: 'boom' })).toMatchObject({ key: 'options_log_other', technical: 'boom' });
  });
});
