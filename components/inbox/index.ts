// components/inbox: the inbox list, its filters and actions. They render; the page loads and writes.
export { InboxFilters } from './InboxFilters';
export type { InboxFiltersProps } from './InboxFilters';
export { InvoiceTable } from './InvoiceTable';
export type { InvoiceTableProps } from './InvoiceTable';
export { InboxActions, Pager } from './InboxActions';
export type { InboxActionsProps } from './InboxActions';
export { EMPTY_FORM, SORTS, hasActiveFilter, isSellerNipValid, toInboxFilter } from './filter-state';
export type { FilterForm, Sort } from './filter-state';
export { keyString, keyFromString } from './keys';
export { InboxHeader } from './InboxHeader';
export type { HeaderOrganisation, InboxHeaderProps } from './InboxHeader';
