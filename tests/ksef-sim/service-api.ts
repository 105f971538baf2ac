// Service information: the published encryption keys (NOTES §8.1) and the effective rate limits (NOTES §9).
import { requireAccess } from './access';
import { json, type SimRequest, type SimResponse } from './http';
import type { SimState } from './state';

export function getPublicKeyCertificates(_req: SimRequest, state: SimState): SimResponse {
  return json(
    200,
    state.keys.map((k) => ({
      certificate: k.certificate,
      certificateId: k.certificateId,
      publicKeyId: k.publicKeyId,
      validFrom: new Date(k.validFrom).toISOString(),
      validTo: new Date(k.validTo).toISOString(),
      usage: [k.usage],
    })),
  );
}

/** GET /rate-limits, for a caller with any access token. */
export function getRateLimits(req: SimRequest, state: SimState): SimResponse {
  requireAccess(req, state, []);
  return json(200, state.rateLimiter.reported());
}
