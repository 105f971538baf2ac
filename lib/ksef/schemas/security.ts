// [OA:GET /security/public-key-certificates], NOTES §8.1.
import * as z from 'zod/mini';

export const PublicKeyCertificate = z.lazy(() => z.object({
  /** DER X.509, base64 without PEM armour. */
  certificate: z.string().check(z.minLength(1)),
  certificateId: z.string(),
  publicKeyId: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** `KsefTokenEncryption` and/or `SymmetricKeyEncryption`. */
  usage: z.array(z.string()),
}));
export type PublicKeyCertificate = z.infer<typeof PublicKeyCertificate>;

export const PublicKeyCertificatesResponse = z.lazy(() => z.array(PublicKeyCertificate));
