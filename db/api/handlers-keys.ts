/** Handlers of shared/api/contract-keys.ts: the key's creation and rotation, a bundle's check. */
import path from 'node:path';
import { toApiError } from '../../shared/api/errors';
import { DEFAULT_LIMITS, MANIFEST_NAME } from '../bundle/format';
import { openBundle } from '../bundle/reader';
import { peekManifest, verifyBundle, type TrustedKeyInfo } from '../bundle/verify';
import type { Session } from '../session';
import { fingerprintOf } from '../keys/ed25519';
import type { KeyStore } from '../keys/key-store';
import { rotateKey } from '../keys/rotation';
import { ensureKey, ownKeyInfo, rememberKey } from '../sync/identity';
import { lookupTrustedKey } from '../sync/trust';
import type { DatabaseHolder, HandlerGroup } from './database-holder';
import { openOptionsFor } from '../sync/import';

export function createKeysHandlers(holder: DatabaseHolder, host: { keyStore: () => KeyStore }) {
  const s = () => holder.requireSession();
  return {
    'keys.ensure': async () => {
      const session = s();
      const known = ownKeyInfo(session);
      if (known) return known;
      await ensureKey(session, host.keyStore());
      return ownKeyInfo(session)!;
    },
    'keys.rotate': async () => {
      const session = s();
      const store = host.keyStore();
      await ensureKey(session, store);
      const rotated = await rotateKey(store);
      rememberKey(session, rotated.key);
      return { oldKeyId: rotated.statement.oldKeyId, newKeyId: rotated.statement.newKeyId, fingerprint: fingerprintOf(rotated.key.publicKey) };
    },
    'bundle.verify': async (i) => {
      const session = s();
      let manifest: unknown = null;
      try {
        const archive = await openBundle(path.resolve(i.path));
        try {
          manifest = peekManifest(await archive.read(MANIFEST_NAME, DEFAULT_LIMITS.maxManifestBytes));
          await verifyBundle(
            archive,
            // The officer checks the bundles this installation wrote too, to prove what was sent.
            (id) => lookupTrustedKey(session, id) ?? ownKey(session, id),
            null,
            openOptionsFor(session, () => ensureKey(session, host.keyStore())),
          );
        } finally {
          archive.close();
        }
        return { valid: true, manifest, error: null };
      } catch (e) {
        return { valid: false, manifest, error: toApiError(e) };
      }
    },
  } satisfies HandlerGroup;
}

/** This installation's own key, as a trusted key for its own bundles; its database knows its public half. */
function ownKey(s: Session, keyId: string): TrustedKeyInfo | undefined {
  const own = ownKeyInfo(s);
  return own?.keyId === keyId ? { keyId, orgCode: s.orgCode, publicKey: own.publicKey, revokedAt: null } : undefined;
}
