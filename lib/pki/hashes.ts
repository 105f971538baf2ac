// Synchronous hashes from @noble/hashes (audited, zero-dependency; STYLE 25) for the two places WebCrypto
// cannot serve: PBKDF2 with hmacWithSHA224 (WebCrypto has no SHA-224) and the PKCS#12 MAC key derivation
// (RFC 7292 B.2), an iterated hash that would need one await per round. Cost: none in the bundle, since
// pkijs (xmldsigjs's engine) already ships the same @noble/hashes 1.8.0.
import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import type { HashName } from './key-oids';

export type SyncHash = CHash;

export const SYNC_HASHES: Record<HashName, SyncHash> = {
  'SHA-1': sha1, 'SHA-224': sha224, 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512,
};
