import { generateSigningKey, KeyRing } from '@authloop/crypto';
import type { KeyWrapper, SigningKey } from '@authloop/crypto';
import type { JWK } from 'jose';
import type { Clock } from '../../app/Clock.ts';
import type { SigningKeyRepository } from './signingKeyRepository.ts';

/**
 * Keeps the server's key ring in step with the database: creates the first key on an empty
 * database, rotates (adds a newer key; older ones keep verifying), and reloads when a token names a
 * key this replica has not seen yet (another replica or the CLI rotated).
 */
export function signingKeyService({ repo, masterKey, clock }: { repo: SigningKeyRepository; masterKey: KeyWrapper; clock: Clock }) {
  let ring = new KeyRing();
  let lastReload = 0;

  async function seal(key: SigningKey): Promise<string> {
    return masterKey.wrap(new TextEncoder().encode(JSON.stringify(key.privateJwk)), `signing-key:${key.kid}`);
  }

  async function load(): Promise<KeyRing> {
    const rows = await repo.list();
    const keys: SigningKey[] = [];
    for (const r of rows) {
      const priv = JSON.parse(new TextDecoder().decode(await masterKey.unwrap(r.privateKeyEnc, `signing-key:${r.kid}`))) as JWK;
      keys.push({ kid: r.kid, alg: 'EdDSA', publicJwk: r.publicJwk, privateJwk: priv, createdAt: r.createdAt });
    }
    return KeyRing.create(keys);
  }

  return {
    /** The current ring (call {@link init} first). */
    get ring(): KeyRing {
      return ring;
    },
    /** Loads the keys, creating the first one when there is none. */
    async init(): Promise<KeyRing> {
      if ((await repo.list()).length === 0) await this.rotate();
      ring = await load();
      lastReload = clock.now().getTime();
      return ring;
    },
    /** Adds a new signing key and makes it current; returns its kid. */
    async rotate(): Promise<string> {
      const key = await generateSigningKey(clock.now());
      await repo.insert({ kid: key.kid, alg: key.alg, publicJwk: key.publicJwk, privateKeyEnc: await seal(key), createdAt: key.createdAt });
      ring = await load();
      return key.kid;
    },
    /** Reloads from the database at most once every 5 s; true when it did. */
    async reloadIfStale(): Promise<boolean> {
      const now = clock.now().getTime();
      if (now - lastReload < 5000) return false;
      lastReload = now;
      ring = await load();
      return true;
    },
  };
}

export type SigningKeyService = ReturnType<typeof signingKeyService>;
