// What this login may do (NOTES §6): the personal grants query lists explicit grants; the implicit Owner
// role is not reliably among them, so where the grants are silent the access token's `per` claim speaks.
import { isKsefError, type KsefClient } from '../ksef';
import { claimList, decodeJwtClaims } from './jwt';

export interface PermissionCheck {
  canReadInvoices: boolean;
  canSendInvoices: boolean;
  isOwner: boolean;
  /** Every permission seen, from both sources, sorted. */
  permissions: string[];
  /** Active grants from the query, or null when KSeF refused the query (403). */
  fromGrants: string[] | null;
  /** From the access token's claims (display-grade evidence, NOTES §3.7). */
  fromToken: string[];
}

// Sending needs any of InvoiceWrite, PefInvoiceWrite, EnforcementOperations [OA:POST /sessions/online];
// PefInvoiceWrite only covers PEF invoices, which this extension does not send.
const SEND = ['InvoiceWrite', 'EnforcementOperations'];

export async function checkPermissions(input: { client: KsefClient; accessToken: string; maxPages?: number }): Promise<PermissionCheck> {
  if (typeof input !== 'object' || input === null || !input.client?.permissions) {
    throw new TypeError('"client" must be a KsefClient');
  }
  if (typeof input.accessToken !== 'string' || !input.accessToken) throw new TypeError('"accessToken" must be a token');
  const maxPages = input.maxPages ?? 5;

  let fromGrants: string[] | null = [];
  try {
    for (let page = 0; page < maxPages; page += 1) {
      const res = await input.client.permissions.personalGrants({ permissionState: 'Active' }, input.accessToken, {
        pageOffset: page,
        pageSize: 100,
      });
      fromGrants.push(...res.permissions.filter((p) => p.permissionState === 'Active').map((p) => p.permissionScope));
      if (!res.hasMore) break;
    }
  } catch (error) {
    if (!isKsefError(error) || error.status !== 403) throw error;
    fromGrants = null;
  }

  const claims = decodeJwtClaims(input.accessToken);
  const fromToken = [...claimList(claims, 'per'), ...claimList(claims, 'permissions')];
  const all = new Set([...(fromGrants ?? []), ...fromToken]);
  // The Owner holds every right except VatUeManage (NOTES §3.3).
  const isOwner = all.has('Owner');
  return {
    canReadInvoices: isOwner || all.has('InvoiceRead'),
    canSendInvoices: isOwner || SEND.some((p) => all.has(p)),
    isOwner,
    permissions: [...all].sort(),
    fromGrants: fromGrants === null ? null : [...new Set(fromGrants)].sort(),
    fromToken: [...new Set(fromToken)].sort(),
  };
}
