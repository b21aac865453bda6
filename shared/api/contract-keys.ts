/**
 * The signing key's life and a bundle's check, as API methods: making the key when it is first
 * shown, rotating it, and verifying a bundle file against the keys this installation trusts.
 */
import { z } from 'zod';
import type { ApiError } from './api-error';

export const keysSchemas = {
  /** The key's public facts; the key is made first (its passphrase chosen) when there is none. */
  'keys.ensure': z.object({}),
  'keys.rotate': z.object({}),
  'bundle.verify': z.object({ path: z.string().min(1).max(1000) }),
} as const;

export interface OwnKey {
  keyId: string;
  publicKey: string;
  fingerprint: string;
}

export interface BundleCheck {
  valid: boolean;
  /** The manifest as the file states it, read before any check, so a refused file still says what it claims. */
  manifest: unknown;
  error: ApiError | null;
}

export interface KeysOutputs {
  'keys.ensure': OwnKey;
  'keys.rotate': { oldKeyId: string; newKeyId: string; fingerprint: string };
  'bundle.verify': BundleCheck;
}
