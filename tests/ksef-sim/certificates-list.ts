// Reading and revoking KSeF certificates (NOTES §4.3) [OA:POST /certificates/retrieve], [OA:POST /certificates/query],
// [OA:POST /certificates/{certificateSerialNumber}/revoke]: only the caller's identity's certificates.
import { callerOf, type Caller } from './certificates';
import { sameIdentity, statusAt, type IssuedCertificate, type RevocationReason } from './certificates-model';
import { badRequest, forbidden } from './errors';
import { json, type SimRequest, type SimResponse } from './http';
import type { SimState } from './state';
import { iso, parseKsefDateTime } from './time';

function own(state: SimState, caller: Caller): IssuedCertificate[] {
  const identity = caller.identity;
  if (!identity) return [];
  return [...state.certificates.issued.values()].filter((c) => sameIdentity(c.identity, identity));
}

/** Certificates of the caller's identity among the serial numbers asked for; others are left out. */
export function postRetrieve(req: SimRequest, state: SimState): SimResponse {
  const wanted = new Set((req.json as { certificateSerialNumbers: string[] }).certificateSerialNumbers);
  const certificates = own(state, callerOf(req, state))
    .filter((c) => wanted.has(c.serialNumber))
    .map((c) => ({ certificate: Buffer.from(c.der).toString('base64'), certificateName: c.name, certificateSerialNumber: c.serialNumber, certificateType: c.type }));
  return json(200, { certificates });
}

export function postQuery(req: SimRequest, state: SimState): SimResponse {
  const caller = callerOf(req, state);
  const filter = (req.json ?? {}) as { certificateSerialNumber?: string | null; name?: string | null; type?: string | null; status?: string | null; expiresAfter?: string | null };
  const pageOffset = Number(req.query.get('pageOffset') ?? 0);
  const pageSize = Number(req.query.get('pageSize') ?? 10);
  const now = state.clock.now();
  const expiresAfter = filter.expiresAfter ? parseKsefDateTime(filter.expiresAfter) : null;
  const rows = own(state, caller)
    .filter((c) => !filter.certificateSerialNumber || c.serialNumber === filter.certificateSerialNumber)
    .filter((c) => !filter.name || c.name.includes(filter.name))
    .filter((c) => !filter.type || c.type === filter.type)
    .filter((c) => !filter.status || statusAt(c, now) === filter.status)
    .filter((c) => expiresAfter === null || c.validTo > expiresAfter)
    .sort((a, b) => b.requestDate - a.requestDate);
  const start = pageOffset * pageSize;
  const certificates = rows.slice(start, start + pageSize).map((c) => ({
    certificateSerialNumber: c.serialNumber,
    name: c.name,
    type: c.type,
    commonName: c.commonName,
    status: statusAt(c, now),
    subjectIdentifier: { type: c.identity.type, value: c.identity.value },
    validFrom: iso(c.validFrom),
    validTo: iso(c.validTo),
    lastUseDate: c.lastUseDate === null ? null : iso(c.lastUseDate),
    requestDate: iso(c.requestDate),
  }));
  return json(200, { certificates, hasMore: start + pageSize < rows.length });
}

export function postRevoke(req: SimRequest, state: SimState): SimResponse {
  const caller = callerOf(req, state);
  if (caller.op.method === 'Token') {
    // "Operacja nie jest dostępna dla podmiotu uwierzytelnionego tokenem KSeF." [OA:POST /certificates/{certificateSerialNumber}/revoke]
    throw forbidden('auth-method-not-allowed', 'Ta operacja nie jest dostępna dla użytej metody uwierzytelnienia.', { authenticationMethodCategory: 'Token' });
  }
  const serial = req.params.certificateSerialNumber ?? '';
  const cert = own(state, caller).find((c) => c.serialNumber === serial);
  if (!cert) throw badRequest(25008, [`Certyfikat o numerze seryjnym ${serial} nie istnieje.`]);
  if (statusAt(cert, state.clock.now()) !== 'Active') throw badRequest(25009);
  const reason = ((req.json ?? {}) as { revocationReason?: RevocationReason | null }).revocationReason ?? 'Unspecified';
  cert.revoked = { at: state.clock.now(), reason };
  return { status: 204 };
}
