import { SignJWT, jwtVerify, errors as joseErrors, decodeProtectedHeader } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';
import { importSigningJwk } from './signingKeys.ts';
import type { SigningKey } from './signingKeys.ts';

/** Why a token was refused. Each is a distinct, stable reason. */
export type TokenFailure = 'TOKEN_MALFORMED' | 'TOKEN_ALG_NOT_ALLOWED' | 'TOKEN_UNKNOWN_KEY' | 'TOKEN_BAD_SIGNATURE' | 'TOKEN_EXPIRED' | 'TOKEN_CLAIMS_INVALID';

/** The outcome of {@link KeyRing.verify}: a failed check is a result, not an exception. */
export type VerifyResult = { readonly valid: true; readonly payload: JWTPayload; readonly kid: string } | { readonly valid: false; readonly reason: TokenFailure };

interface LoadedKey {
  readonly kid: string;
  readonly publicKey: CryptoKey;
  readonly privateKey: CryptoKey | null;
  readonly publicJwk: JWK;
}

/**
 * The set of EdDSA keys a server signs and verifies with. The newest key signs; every key in the
 * ring verifies, so tokens from a rotated-out key stay valid until they expire.
 */
export class KeyRing {
  readonly #keys = new Map<string, LoadedKey>();
  #current: LoadedKey | null = null;

  /** Builds a ring from keys, newest last (the last one signs). */
  static async create(keys: readonly SigningKey[]): Promise<KeyRing> {
    const ring = new KeyRing();
    for (const k of keys) await ring.add(k);
    return ring;
  }

  /** Adds a key and makes it the signing key. */
  async add(key: SigningKey): Promise<void> {
    const loaded: LoadedKey = {
      kid: key.kid,
      publicKey: await importSigningJwk(key.publicJwk),
      privateKey: await importSigningJwk(key.privateJwk),
      publicJwk: key.publicJwk,
    };
    this.#keys.set(key.kid, loaded);
    this.#current = loaded;
  }

  /** The `kid` of the signing key. */
  get currentKid(): string {
    return this.#signer().kid;
  }

  /** The public JWK Set to publish at `/.well-known/jwks.json`. */
  jwks(): { keys: JWK[] } {
    return { keys: [...this.#keys.values()].map((k) => k.publicJwk) };
  }

  /** Signs `payload` as a compact JWS/JWT with the current key. `expiresInS` sets `exp`. */
  async sign(payload: JWTPayload, { issuer, audience, expiresInS, typ = 'JWT', now = new Date() }: { issuer: string; audience: string; expiresInS: number; typ?: string; now?: Date }): Promise<string> {
    const key = this.#signer();
    const iat = Math.floor(now.getTime() / 1000);
    if (key.privateKey === null) throw new Error('no private key for signing');
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + expiresInS)
      .sign(key.privateKey);
  }

  /** Verifies a compact JWT: EdDSA only, known `kid`, signature, `exp`, issuer and audience. */
  async verify(token: string, { issuer, audience, now = new Date() }: { issuer: string; audience: string; now?: Date }): Promise<VerifyResult> {
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      return { valid: false, reason: 'TOKEN_MALFORMED' };
    }
    if (header.alg !== 'EdDSA') return { valid: false, reason: 'TOKEN_ALG_NOT_ALLOWED' };
    const key = typeof header.kid === 'string' ? this.#keys.get(header.kid) : undefined;
    if (key === undefined) return { valid: false, reason: 'TOKEN_UNKNOWN_KEY' };
    try {
      const { payload } = await jwtVerify(token, key.publicKey, { algorithms: ['EdDSA'], issuer, audience, currentDate: now });
      return { valid: true, payload, kid: key.kid };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return { valid: false, reason: 'TOKEN_EXPIRED' };
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) return { valid: false, reason: 'TOKEN_BAD_SIGNATURE' };
      if (error instanceof joseErrors.JWTClaimValidationFailed) return { valid: false, reason: 'TOKEN_CLAIMS_INVALID' };
      return { valid: false, reason: 'TOKEN_MALFORMED' };
    }
  }

  #signer(): LoadedKey {
    if (this.#current === null) throw new Error('the key ring is empty');
    return this.#current;
  }
}
