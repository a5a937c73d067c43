import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { encodeCbor } from './encodeCbor.ts';

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64url');

/** JSON a browser's `PublicKeyCredential.toJSON()` gives for a registration. */
export interface SoftRegistration {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; attestationObject: string; transports: string[] };
  clientExtensionResults: Record<string, never>;
}

/** JSON a browser's `PublicKeyCredential.toJSON()` gives for an assertion. */
export interface SoftAssertion {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle?: string };
  clientExtensionResults: Record<string, never>;
}

/** Knobs to make an authenticator misbehave. */
export interface AssertOptions {
  origin?: string;
  type?: 'webauthn.get' | 'payment.get' | 'webauthn.create';
  /** Sign this challenge instead of the one given. */
  challenge?: string;
  userVerified?: boolean;
  /** Report this sign counter (and do not advance the internal one). */
  signCount?: number;
  rpId?: string;
  /** SPC `payment` member of client data. */
  payment?: Record<string, unknown>;
  omitUserHandle?: boolean;
}

/**
 * A software FIDO2 authenticator (ES256, `none` attestation, discoverable credential, user
 * verification) that produces the same JSON a browser does. Tests and benchmarks use it where a real
 * browser is not needed; the browser tests use Chromium's virtual authenticator.
 */
export class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  readonly #privateKey: KeyObject;
  readonly #cosePublicKey: Uint8Array;
  #signCount = 0;
  userHandle = '';
  rpId = '';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.#privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.#cosePublicKey = encodeCbor(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x ?? '', 'base64url')],
        [-3, Buffer.from(jwk.y ?? '', 'base64url')],
      ]),
    );
  }

  get id(): string {
    return b64(this.credentialId);
  }

  #authData(rpId: string, flags: number, signCount: number, attested?: Uint8Array): Uint8Array {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(signCount);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), counter, ...(attested ? [attested] : [])]);
  }

  /** Answers `navigator.credentials.create()` options (JSON) as if on `origin`. */
  create(options: { challenge: string; rp: { id?: string | undefined }; user: { id: string } }, { origin = 'http://localhost:8080', userVerified = true }: { origin?: string; userVerified?: boolean } = {}): SoftRegistration {
    this.rpId = options.rp.id ?? 'localhost';
    this.userHandle = options.user.id;
    const clientDataJSON = JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin, crossOrigin: false });
    const idLen = Buffer.alloc(2);
    idLen.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLen, this.credentialId, this.#cosePublicKey]);
    const flags = 0x01 | (userVerified ? 0x04 : 0) | 0x40;
    const authData = this.#authData(this.rpId, flags, 0, attested);
    const attestationObject = encodeCbor(new Map<string, Uint8Array | string | Map<string, string>>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    return { id: this.id, rawId: this.id, type: 'public-key', response: { clientDataJSON: b64(clientDataJSON), attestationObject: b64(attestationObject), transports: ['internal'] }, clientExtensionResults: {} };
  }

  /** Answers `navigator.credentials.get()` options (JSON) with this credential. */
  get(options: { challenge: string; rpId?: string | undefined }, o: AssertOptions = {}): SoftAssertion {
    const rpId = o.rpId ?? options.rpId ?? this.rpId;
    const clientData: Record<string, unknown> = { type: o.type ?? 'webauthn.get', challenge: o.challenge ?? options.challenge, origin: o.origin ?? 'http://localhost:8080', crossOrigin: false };
    if (o.payment) clientData['payment'] = o.payment;
    const clientDataJSON = Buffer.from(JSON.stringify(clientData));
    let count: number;
    if (o.signCount === undefined) count = ++this.#signCount;
    else count = o.signCount;
    const authData = this.#authData(rpId, 0x01 | (o.userVerified === false ? 0 : 0x04), count);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.#privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64(clientDataJSON), authenticatorData: b64(authData), signature: b64(signature), ...(o.omitUserHandle ? {} : { userHandle: this.userHandle }) },
      clientExtensionResults: {},
    };
  }
}
