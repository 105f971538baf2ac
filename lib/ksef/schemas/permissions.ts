// [OA:POST /permissions/query/personal/grants], NOTES §6.
import { z } from 'zod';

const Identifier = z.object({ type: z.string(), value: z.string().nullish() });

export const PersonalPermission = z.object({
  id: z.string(),
  contextIdentifier: Identifier.nullish(),
  authorizedIdentifier: Identifier.nullish(),
  targetIdentifier: Identifier.nullish(),
  /** InvoiceRead, InvoiceWrite, Introspection, CredentialsRead, CredentialsManage, … */
  permissionScope: z.string(),
  description: z.string(),
  subjectPersonDetails: z.object({ firstName: z.string(), lastName: z.string() }).nullish(),
  subjectEntityDetails: z.object({ fullName: z.string() }).nullish(),
  permissionState: z.string(),
  startDate: z.string(),
  canDelegate: z.boolean(),
});
export type PersonalPermission = z.infer<typeof PersonalPermission>;

export const PersonalPermissionsResponse = z.object({
  permissions: z.array(PersonalPermission),
  hasMore: z.boolean(),
});
export type PersonalPermissionsResponse = z.infer<typeof PersonalPermissionsResponse>;

/** Body of the query; every field optional [OA#PersonalPermissionsQueryRequest]. */
export interface PersonalPermissionsQuery {
  /** The entity that granted invoice handling, not the login context (see the operation's description). */
  contextIdentifier?: { type: 'Nip' | 'InternalId'; value: string };
  targetIdentifier?: { type: 'Nip' | 'AllPartners' | 'InternalId'; value?: string };
  permissionTypes?: string[];
  permissionState?: 'Active' | 'Inactive';
}
