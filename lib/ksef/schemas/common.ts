// Shapes shared by several operations [OA#StatusInfo, OA#TokenInfo, OA#FormCode].
// Non-strict z.object: unknown fields are dropped, as KSeF asks clients to ignore them (NOTES §2).
// Dates stay ISO strings (KSeF sends 7-digit fractions and, in places, no offset); enums that KSeF may
// extend are plain strings, so a new value never breaks a sync.
import * as z from 'zod/mini';

export const ReferenceNumber = z.string().check(z.length(36));

export const StatusInfo = z.object({
  code: z.number().check(z.int()),
  description: z.string(),
  details: z.nullish(z.array(z.string())),
});
export type StatusInfo = z.infer<typeof StatusInfo>;

export const TokenInfo = z.object({
  token: z.string().check(z.minLength(1)),
  validUntil: z.string(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

export const FormCode = z.object({
  systemCode: z.string(),
  schemaVersion: z.string(),
  value: z.string(),
});
export type FormCode = z.infer<typeof FormCode>;

/** Context identifier sent at login [OA#AuthenticationContextIdentifier]. */
export interface ContextIdentifier {
  type: 'Nip' | 'InternalId' | 'NipVatUe' | 'PeppolId';
  value: string;
}
