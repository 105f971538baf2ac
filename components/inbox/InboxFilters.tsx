import { t, type Lang } from '@/lib/i18n';
import { MAX_SEARCH_LENGTH, PERIODS } from '@/lib/inbox';
import { INVOICE_STATES, type InvoiceState, type Profile } from '@/lib/store';
import { isSellerNipValid, SORTS, type FilterForm } from './filter-state';

export interface InboxFiltersProps {
  form: FilterForm;
  profiles: Profile[];
  counts?: Record<InvoiceState, number>;
  lang: Lang;
  onChange: (form: FilterForm) => void;
  onClear: () => void;
}

/** Period, organisation, state, seller NIP, free-text search and order. */
export function InboxFilters({ form, profiles, counts, lang, onChange, onClear }: InboxFiltersProps) {
  const set = <K extends keyof FilterForm>(key: K, value: FilterForm[K]) => onChange({ ...form, [key]: value });
  const nipHint = form.sellerNip !== '' && !isSellerNipValid(form.sellerNip);
  return (
    <form className="kp-inbox-filters kp-no-print" role="search" aria-label={t(lang, 'inbox_filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="kp-inbox-search">
        <span>{t(lang, 'inbox_search_label')}</span>
        <input
          type="search"
          name="search"
          value={form.search}
          maxLength={MAX_SEARCH_LENGTH}
          placeholder={t(lang, 'inbox_search_placeholder')}
          onChange={(e) => set('search', e.target.value)}
        />
      </label>
      {profiles.length > 1 ? (
        <label>
          <span>{t(lang, 'inbox_profile_label')}</span>
          <select name="profile" value={form.profileId} onChange={(e) => set('profileId', e.target.value)}>
            <option value="">{t(lang, 'inbox_all_profiles')}</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        <span>{t(lang, 'inbox_period_label')}</span>
        <select name="period" value={form.period} onChange={(e) => set('period', e.target.value as FilterForm['period'])}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(lang, `inbox_period_${p}`)}
            </option>
          ))}
        </select>
      </label>
      {form.period === 'custom' ? (
        <>
          <label>
            <span>{t(lang, 'inbox_from')}</span>
            <input type="date" name="from" value={form.from} onChange={(e) => set('from', e.target.value)} />
          </label>
          <label>
            <span>{t(lang, 'inbox_to')}</span>
            <input type="date" name="to" value={form.to} onChange={(e) => set('to', e.target.value)} />
          </label>
        </>
      ) : null}
      <label>
        <span>{t(lang, 'inbox_state_label')}</span>
        <select name="state" value={form.state} onChange={(e) => set('state', e.target.value as FilterForm['state'])}>
          <option value="">{t(lang, 'inbox_state_any')}</option>
          {INVOICE_STATES.map((s) => (
            <option key={s} value={s}>
              {t(lang, `inbox_state_${s}`)}
              {counts ? ` (${counts[s]})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t(lang, 'inbox_seller_nip_label')}</span>
        <input
          type="text"
          name="sellerNip"
          inputMode="numeric"
          value={form.sellerNip}
          maxLength={13}
          aria-invalid={nipHint}
          aria-describedby={nipHint ? 'kp-nip-hint' : undefined}
          onChange={(e) => set('sellerNip', e.target.value)}
        />
      </label>
      <label>
        <span>{t(lang, 'inbox_sort_label')}</span>
        <select name="sort" value={form.sort} onChange={(e) => set('sort', e.target.value as FilterForm['sort'])}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(lang, `inbox_sort_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="kp-button kp-button--secondary" onClick={onClear}>
        {t(lang, 'inbox_clear_filters')}
      </button>
      {nipHint ? (
        <p id="kp-nip-hint" className="kp-inbox-hint">
          {t(lang, 'inbox_seller_nip_invalid')}
        </p>
      ) : null}
    </form>
  );
}
