// Public keys, own permissions, invoice metadata and downloads, effective rate limits (NOTES §6–§9).
import type { Transport } from './transport';
import { rateLimitKey } from './rate-limit-budgets';
import { requireIntegerIn, requireKsefNumber, requireObject, requireToken } from './args';
import { downloadXml } from './download';
import {
  EffectiveRateLimitsResponse,
  InvoiceMetadataResponse,
  PersonalPermissionsResponse,
  PublicKeyCertificatesResponse,
  type InvoiceQueryFilters,
  type MetadataPaging,
  type PersonalPermissionsQuery,
} from './schemas';

export function dataApi(t: Transport) {
  const security = {
    publicKeyCertificates: () =>
      t.json(
        {
          method: 'GET',
          path: '/security/public-key-certificates',
          accept: 'json',
          limit: rateLimitKey('publicKeys'),
          retry: 'idempotent',
        },
        PublicKeyCertificatesResponse,
      ),
  };

  const permissions = {
    personalGrants(query: PersonalPermissionsQuery, accessToken: string, paging: { pageOffset?: number; pageSize?: number } = {}) {
      requireObject('query', query);
      const path = '/permissions/query/personal/grants';
      return t.json(
        {
          method: 'POST',
          path,
          query: {
            pageOffset: requireIntegerIn('pageOffset', paging.pageOffset ?? 0, 0, 1_000_000),
            pageSize: requireIntegerIn('pageSize', paging.pageSize ?? 100, 10, 100),
          },
          json: query,
          token: requireToken('accessToken', accessToken),
          accept: 'json',
          limit: rateLimitKey('other', `POST ${path}`),
          retry: 'idempotent',
        },
        PersonalPermissionsResponse,
      );
    },
  };

  const invoices = {
    queryMetadata(filters: InvoiceQueryFilters, paging: MetadataPaging, accessToken: string) {
      requireObject('filters', filters);
      requireObject('paging', paging);
      const sortOrder = paging.sortOrder ?? 'Asc';
      if (sortOrder !== 'Asc' && sortOrder !== 'Desc') throw new TypeError('"sortOrder" must be Asc or Desc');
      return t.json(
        {
          method: 'POST',
          path: '/invoices/query/metadata',
          query: {
            sortOrder,
            pageOffset: requireIntegerIn('pageOffset', paging.pageOffset ?? 0, 0, 1_000_000),
            pageSize: requireIntegerIn('pageSize', paging.pageSize ?? 250, 10, 250),
          },
          json: filters,
          token: requireToken('accessToken', accessToken),
          accept: 'json',
          limit: rateLimitKey('invoiceMetadata'),
          retry: 'idempotent',
        },
        InvoiceMetadataResponse,
      );
    },

    /** The stored invoice; `expectedHash` (the metadata's `invoiceHash`) is checked as well when given. */
    download(ksefNumber: string, accessToken: string, options: { expectedHash?: string } = {}) {
      return downloadXml(
        t,
        {
          method: 'GET',
          path: '/invoices/ksef/{ksefNumber}',
          params: { ksefNumber: requireKsefNumber('ksefNumber', ksefNumber) },
          token: requireToken('accessToken', accessToken),
          accept: 'xml',
          limit: rateLimitKey('invoiceDownload'),
          retry: 'idempotent',
        },
        options.expectedHash,
      );
    },
  };

  function rateLimits(accessToken: string) {
    const path = '/rate-limits';
    return t.json(
      {
        method: 'GET',
        path,
        token: requireToken('accessToken', accessToken),
        accept: 'json',
        limit: rateLimitKey('other', `GET ${path}`),
        retry: 'idempotent',
      },
      EffectiveRateLimitsResponse,
    );
  }

  return { security, permissions, invoices, rateLimits };
}
