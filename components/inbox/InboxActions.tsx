import { t, tp, type Lang } from '@/lib/i18n';
import type { InvoiceState } from '@/lib/store';

export interface InboxActionsProps {
  selectedCount: number;
  busy: boolean;
  lang: Lang;
  onMark: (state: InvoiceState) => void;
  onExport: () => void;
}

/** Mark the selected invoices, and export what the filter shows. */
export function InboxActions({ selectedCount, busy, lang, onMark, onExport }: InboxActionsProps) {
  const none = selectedCount === 0 || busy;
  return (
    <div className="kp-inbox-actions kp-no-print">
      <span className="kp-inbox-selected" aria-live="polite">
        {selectedCount > 0 ? tp(lang, 'inbox_selected', selectedCount) : ''}
      </span>
      <button type="button" className="kp-button" disabled={none} onClick={() => onMark('booked')}>
        {t(lang, 'inbox_mark_booked')}
      </button>
      <button type="button" className="kp-button kp-button--secondary" disabled={none} onClick={() => onMark('seen')}>
        {t(lang, 'inbox_mark_seen')}
      </button>
      <button type="button" className="kp-button kp-button--secondary" disabled={none} onClick={() => onMark('new')}>
        {t(lang, 'inbox_mark_new')}
      </button>
      <span className="kp-inbox-spacer" />
      <button type="button" className="kp-button kp-button--secondary" disabled={busy} onClick={onExport}>
        {t(lang, 'inbox_export_csv')}
      </button>
    </div>
  );
}

/** Pages of the list; nothing at all while everything fits on the first page (issue 16, B13). */
export function Pager({ page, hasPrev, hasNext, lang, onPrev, onNext }: {
  page: number; hasPrev: boolean; hasNext: boolean; lang: Lang; onPrev: () => void; onNext: () => void;
}) {
  if (page <= 1 && !hasNext) return null;
  return (
    <nav className="kp-inbox-pager kp-no-print" aria-label={t(lang, 'inbox_page', { page })}>
      <button type="button" className="kp-button kp-button--secondary" disabled={!hasPrev} onClick={onPrev}>
        {t(lang, 'inbox_prev_page')}
      </button>
      <span>{t(lang, 'inbox_page', { page })}</span>
      <button type="button" className="kp-button kp-button--secondary" disabled={!hasNext} onClick={onNext}>
        {t(lang, 'inbox_next_page')}
      </button>
    </nav>
  );
}
