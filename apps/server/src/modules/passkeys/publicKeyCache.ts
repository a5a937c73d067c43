import { importCoseKey } from './importCoseKey.ts';
import type { ImportedKey } from './importCoseKey.ts';

/** Default number of imported credential keys kept per process. */
export const PUBLIC_KEY_CACHE_SIZE = 10_000;

/**
 * A bounded LRU of credential public keys imported for node:crypto, keyed by credential id.
 * An entry is used only when the stored COSE key is byte-for-byte the one it was imported from, so
 * the same credential id in two tenants (ids are chosen by authenticators) or a re-registered
 * credential never verifies with another key. Keys that cannot be imported are cached as `null`
 * (the caller falls back to the library). One instance per passkey service, never a module global.
 */
export function publicKeyCache({ max = PUBLIC_KEY_CACHE_SIZE }: { max?: number } = {}) {
  const entries = new Map<string, { readonly cose: string; readonly imported: ImportedKey | null }>();
  return {
    /** The imported key of `credentialId` whose stored COSE key (base64url) is `cosePublicKey`. */
    get(credentialId: string, cosePublicKey: string): ImportedKey | null {
      const hit = entries.get(credentialId);
      if (hit !== undefined && hit.cose === cosePublicKey) {
        entries.delete(credentialId);
        entries.set(credentialId, hit);
        return hit.imported;
      }
      const imported = importCoseKey(cosePublicKey);
      entries.delete(credentialId);
      entries.set(credentialId, { cose: cosePublicKey, imported });
      while (entries.size > max) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
      return imported;
    },
    /** Entries held now (for tests and metrics). */
    get size(): number {
      return entries.size;
    },
  };
}

export type PublicKeyCache = ReturnType<typeof publicKeyCache>;
