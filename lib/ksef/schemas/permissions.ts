// [OA:POST /permissions/query/personal/grants], NOTES §6.
import * as z from 'zod/mini';

const Identifier = z.lazy(() => z.object({ type: z.string(), value: z.nullish(z.string()) }));

export const PersonalPermission = z.lazy(() => z.object({
  id: z.string(),
  contextIdentifier: z.nullish(Identifier),
  authorizedIdentifier: z.nullish(Identifier),
  targetIdentifier: z.nullish(Identifier),
  /** InvoiceRead, InvoiceWrite, Introspection, CredentialsRead, CredentialsManage, … */
  permissionScope: z.string(),
  description: z.string(),
  subjectPersonDetails: z.nullish(z.object({ firstName: z.string(), lastName: z.string() })),
  subjectEntityDetails: z.nullish(z.object({ fullName: z.string() })),
  permissionState: z.string(),
  startDate: z.string(),
  canDelegate: z.boolean(),
}));
export type PersonalPermission = z.infer<typeof PersonalPermission>;

export const PersonalPermissionsResponse = z.lazy(() => z.object({
  permissions: z.array(PersonalPermission),
  hasMore: z.boolean(),
}));
export type PersonalPermissionsResponse = z.infer<typeof PersonalPermissionsResponse>;

/** Body of the query; every field optional [OA#PersonalPermissionsQueryRequest]. */
export interface PersonalPermissionsQuery {
  /** The entity that granted invoice handling, not the login context (see the operation's description). */
  contextIdentifier?: { type: 'Nip' | 'InternalId'; value: string };
  targetIdentifier?: { type: 'Nip' | 'AllPartners' | 'InternalId'; value?: string };
  permissionTypes?: string[];
  permissionState?: 'Active' | 'Inactive';
}
