import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPermissions } from '../../lib/auth/permissions';
import { createKsefClient, type KsefClient } from '../../lib/ksef/client';
import { createFakeClock, createFakeKsef, type FakeKsef } from '../ksef/fake-ksef';
import { NIP, makeJwt } from '../ksef/samples';

let fake: FakeKsef;
let client: KsefClient;

beforeEach(() => {
  fake = createFakeKsef();
  client = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock: createFakeClock() });
});

afterEach(() => {
  expect(fake.problems).toEqual([]);
});

function grant(scope: string, state = 'Active') {
  return {
    id: '0c9a72e8-f344-457f-9c16-7c640eb60242',
    contextIdentifier: { type: 'Nip', value: NIP },
    authorizedIdentifier: { type: 'Pesel', value: '85010112345' },
    permissionScope: scope,
    description: 'Księgowość',
    permissionState: state,
    startDate: '2026-01-01T00:00:00+00:00',
    canDelegate: false,
  };
}

describe('checkPermissions', () => {
  it.each([
    ['an owner whose grants are silent', [], { per: ['Owner'] }, { canReadInvoices: true, canSendInvoices: true, isOwner: true, permissions: ['Owner'] }],
    ['a bookkeeper who may only read', [grant('InvoiceRead'), grant('InvoiceWrite', 'Inactive')], {}, { canReadInvoices: true, canSendInvoices: false, isOwner: false, permissions: ['InvoiceRead'] }],
    ['an issuer who may only send', [grant('InvoiceWrite')], {}, { canReadInvoices: false, canSendInvoices: true, isOwner: false }],
    ['rights only in the token, as a JSON string', [], { per: '["InvoiceRead","InvoiceWrite"]' }, { canReadInvoices: true, canSendInvoices: true, isOwner: false }],
    ['someone with neither', [grant('CredentialsRead')], { per: 'Introspection' }, { canReadInvoices: false, canSendInvoices: false, permissions: ['CredentialsRead', 'Introspection'] }],
  ])('%s', async (_, permissions, claims, expected) => {
    fake.on('POST /permissions/query/personal/grants', { status: 200, json: { permissions, hasMore: false } });
    const result = await checkPermissions({ client, accessToken: makeJwt(claims) });
    expect(result).toMatchObject(expected);
    expect(JSON.parse(fake.requests[0]!.body!)).toEqual({ permissionState: 'Active' });
  });

  it('reads every page', async () => {
    fake.on(
      'POST /permissions/query/personal/grants',
      { status: 200, json: { permissions: [grant('InvoiceRead')], hasMore: true } },
      { status: 200, json: { permissions: [grant('InvoiceWrite')], hasMore: false } },
    );
    const result = await checkPermissions({ client, accessToken: makeJwt({}) });
    expect(result).toMatchObject({ canReadInvoices: true, canSendInvoices: true, fromGrants: ['InvoiceRead', 'InvoiceWrite'], fromToken: [] });
    expect(fake.requests.map((r) => new URL(r.url).searchParams.get('pageOffset'))).toEqual(['0', '1']);
  });

  it('falls back to the token when KSeF refuses the query (403)', async () => {
    fake.on('POST /permissions/query/personal/grants', {
      status: 403,
      json: { title: 'Forbidden', status: 403, detail: 'Brak uprawnień.', reasonCode: 'missing-permissions', timestamp: '2026-03-02T10:00:00Z' },
    });
    const result = await checkPermissions({ client, accessToken: makeJwt({ per: ['Owner'] }) });
    expect(result).toEqual({
      canReadInvoices: true,
      canSendInvoices: true,
      isOwner: true,
      permissions: ['Owner'],
      fromGrants: null,
      fromToken: ['Owner'],
    });
  });

  it('passes other failures on', async () => {
    fake.on('POST /permissions/query/personal/grants', { status: 401, json: { title: 'Unauthorized', status: 401, detail: 'x', timestamp: '2026-03-02T10:00:00Z' } });
    await expect(checkPermissions({ client, accessToken: makeJwt({}) })).rejects.toMatchObject({ name: 'KsefError', code: 'HTTP', status: 401 });
  });

  it('checks its arguments', async () => {
    await expect(checkPermissions({ client, accessToken: '' })).rejects.toThrow(new TypeError('"accessToken" must be a token'));
    await expect(checkPermissions({ client: {} as KsefClient, accessToken: 'x' })).rejects.toThrow(new TypeError('"client" must be a KsefClient'));
  });
});
