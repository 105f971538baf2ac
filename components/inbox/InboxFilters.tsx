import { t, type Lang } from '@/lib/i18n';
import { MAX_SEARCH_LENGTH, PERIODS } from '@/lib/inbox';
import { INVOICE_STATES, type InvoiceState, type Profile } from '@/lib/store';
import { hasActiveFilter, isSellerNipValid, SORTS, type FilterForm } from './filter-state';

export interface InboxFiltersProps {
  form: FilterForm;
  profiles: Profile[];
  counts?: Record<InvoiceState, number>;
  lang: Lang;
  onChange: (form: FilterForm) => void;
  onClear: () => void;
}

/**
 * A labelled select of `options` ([value, text] pairs); `any` adds a first choice with the empty value
 * ("all"), which `onChange` then receives as ''.
 */
function Choice<V extends string, A extends string = never>(props: {
  name: string;
  label: string;
  any?: string;
  value: V | A;
  options: readonly (readonly [V, string])[];
  onChange: (value: V | A) => void;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value as V | A)}>
        {props.any === undefined ? null : <option value="">{props.any}</option>}
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Period, organisation, state, seller NIP, free-text search and order. */
export function InboxFilters({ form, profiles, counts, lang, onChange, onClear }: InboxFiltersProps) {
  const set = <K extends keyof FilterForm>(key: K, value: FilterForm[K]) => onChange({ ...form, [key]: value });
  const nipHint = form.sellerNip !== '' && !isSellerNipValid(form.sellerNip);
  return (
    <form className="kp-inbox-filters kp-compact kp-no-print" role="search" aria-label={t(lang, 'inbox_filters')} onSubmit={(e) => e.preventDefault()}>
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
        <Choice
          name="profile"
          label={t(lang, 'inbox_profile_label')}
          any={t(lang, 'inbox_all_profiles')}
          value={form.profileId}
          options={profiles.map((p) => [p.id, p.name] as const)}
          onChange={(id) => set('profileId', id)}
        />
      ) : null}
      <Choice
        name="period"
        label={t(lang, 'inbox_period_label')}
        value={form.period}
        options={PERIODS.map((p) => [p, t(lang, `inbox_period_${p}`)] as const)}
        onChange={(period) => set('period', period)}
      />
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
      <Choice
        name="state"
        label={t(lang, 'inbox_state_label')}
        any={t(lang, 'inbox_state_any')}
        value={form.state}
        options={INVOICE_STATES.map((s) => [s, `${t(lang, `inbox_state_${s}`)}${counts ? ` (${counts[s]})` : ''}`] as const)}
        onChange={(state) => set('state', state)}
      />
      <label>
        <span>{t(lang, 'inbox_seller_nip_label')}</span>
        <input
          type="text"
          name="sellerNip"
          inputMode="numeric"
          value={form.sellerNip}
          maxLength={13}
          placeholder={t(lang, 'inbox_seller_nip_placeholder')}
          aria-invalid={nipHint}
          aria-describedby={nipHint ? 'kp-nip-hint' : undefined}
          onChange={(e) => set('sellerNip', e.target.value)}
        />
      </label>
      <Choice
        name="sort"
        label={t(lang, 'inbox_sort_label')}
        value={form.sort}
        options={SORTS.map((s) => [s, t(lang, `inbox_sort_${s}`)] as const)}
        onChange={(sort) => set('sort', sort)}
      />
      {hasActiveFilter(form) ? (
        <button type="button" className="kp-button kp-button--secondary" onClick={onClear}>
          {t(lang, 'inbox_clear_filters')}
        </button>
      ) : null}
      {nipHint ? (
        <p id="kp-nip-hint" className="kp-inbox-hint">
          {t(lang, 'inbox_seller_nip_invalid')}
        </p>
      ) : null}
    </form>
  );
}
