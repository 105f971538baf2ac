// POST /permissions/query/personal/grants (NOTES §6): the caller's own grants in the current context.
// Whether KSeF lists the implicit Owner role as rows is unknown (NOTES §14.5); the simulator lists only
// grants made through the admin API, and the access token's `per` claim carries Owner.
import { requireAccess } from './access';
import { badRequest } from './errors';
import { json, type SimRequest, type SimResponse } from './http';
import type { Grant, SimState } from './state';
import { iso } from './time';

interface PersonalQuery {
  contextIdentifier?: { type: string; value: string } | null;
  targetIdentifier?: { type: string; value?: string | null } | null;
  permissionTypes?: string[] | null;
  permissionState?: 'Active' | 'Inactive' | null;
}

const AUTHORIZED_TYPES: Record<string, string> = { Nip: 'Nip', Pesel: 'Pesel', Fingerprint: 'Fingerprint' };

function toRow(g: Grant): Record<string, unknown> {
  return {
    id: g.id,
    contextIdentifier: { type: g.context.type === 'InternalId' ? 'InternalId' : 'Nip', value: g.context.value },
    authorizedIdentifier: { type: AUTHORIZED_TYPES[g.identity.type], value: g.identity.value },
    targetIdentifier: null,
    permissionScope: g.permission,
    description: g.description,
    subjectPersonDetails: null,
    subjectEntityDetails: null,
    permissionState: 'Active',
    startDate: iso(g.startDate),
    canDelegate: false,
  };
}

export function queryPersonalGrants(req: SimRequest, state: SimState): SimResponse {
  const { claims, context } = requireAccess(req, state, []);
  const op = state.authOperations.get(claims.ref);
  const pageOffset = Number(req.query.get('pageOffset') ?? 0);
  const pageSize = Number(req.query.get('pageSize') ?? 10);
  if (!Number.isInteger(pageOffset) || pageOffset < 0 || !Number.isInteger(pageSize) || pageSize < 10 || pageSize > 100) {
    throw badRequest(21405, ['pageOffset musi być ≥ 0, a pageSize od 10 do 100.']);
  }
  const q = (req.json ?? {}) as PersonalQuery;
  const identity = op?.identity;
  const rows = state.grants
    .filter((g) => identity && g.identity.type === identity.type && g.identity.value.toLowerCase() === identity.value.toLowerCase())
    .filter((g) => g.context.type === context.type && g.context.value === context.value)
    // "Owner" is a role, not a PersonalPermissionScope: it is not listed (see above).
    .filter((g) => g.permission !== 'Owner')
    .filter((g) => !q.contextIdentifier || (g.context.type === q.contextIdentifier.type && g.context.value === q.contextIdentifier.value))
    .filter((g) => !q.permissionTypes || q.permissionTypes.length === 0 || q.permissionTypes.includes(g.permission))
    // Grants set by the admin API are active and direct (no target): other filters match nothing.
    .filter(() => q.permissionState !== 'Inactive' && !q.targetIdentifier)
    // openapi.json x-sort: startDate Desc, then id Asc.
    .sort((a, b) => b.startDate - a.startDate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = pageOffset * pageSize;
  const page = rows.slice(start, start + pageSize);
  return json(200, { permissions: page.map(toRow), hasMore: start + pageSize < rows.length });
}
