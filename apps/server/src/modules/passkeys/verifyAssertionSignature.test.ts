import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import { describe, expect, it } from 'vitest';
import { encodeCbor } from '../../../test/support/encodeCbor.ts';
import type { CborInput } from '../../../test/support/encodeCbor.ts';
import { loadChromiumFixture } from './fixtures/chromiumFixture.ts';
import { importCoseKey } from './importCoseKey.ts';
import { parseClientDataJSON } from './parseClientDataJSON.ts';
import { publicKeyCache } from './publicKeyCache.ts';
import type { AuthenticationResponseInput } from './schema.ts';
import { toLibraryResponse, verifyAssertion } from './verifyAssertion.ts';
import { verifyAssertionSignature } from './verifyAssertionSignature.ts';

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();
const fx = loadChromiumFixture();

/** A byte of a base64url value flipped. */
function flip(value: string, at: number): string {
  const bytes = Buffer.from(value, 'base64url');
  const i = at < 0 ? bytes.length + at : at;
  bytes[i] = (bytes[i] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}

/** The verdict of @simplewebauthn/server on the same input (false when it throws). */
async function library(response: AuthenticationResponseInput, challenge: string, origin: string, rpId: string, publicKey: string): Promise<boolean> {
  try {
    const r = await verifyAuthenticationResponse({ response: toLibraryResponse(response), expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpId, credential: { id: response.id, publicKey: Buffer.from(publicKey, 'base64url'), counter: 0 }, requireUserVerification: true });
    return r.verified;
  } catch {
    return false;
  }
}

/** The fast path and the library must agree on every variant; answers the shared verdict. */
async function bothAgree(response: AuthenticationResponseInput, challenge: string, origin: string, rpId: string, publicKey: string): Promise<boolean> {
  const clientData = parseClientDataJSON(response.response.clientDataJSON);
  const keys = publicKeyCache();
  const fast = await verifyAssertion({ response, clientData, expectedChallenge: challenge, origins: [origin], rpId, credential: { credentialId: response.id, publicKey, signCount: 0 }, keys });
  const lib = await library(response, challenge, origin, rpId, publicKey);
  expect(fast.verified).toBe(lib);
  expect(keys.size).toBe(1);
  if (!fast.verified) expect(fast.reason).toBe('signature');
  return fast.verified;
}

/** The captured assertion with its client data JSON re-serialised with one more member (same challenge, origin, type). */
function withExtraClientData(r: AuthenticationResponseInput): AuthenticationResponseInput {
  const json = JSON.parse(Buffer.from(r.response.clientDataJSON, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { ...r, response: { ...r.response, clientDataJSON: b64(JSON.stringify({ ...json, other_keys_can_be_added_here: 'x' })) } };
}

describe('fast assertion signature path (node:crypto, cached key) against @simplewebauthn/server', () => {
  const r = fx.authentication.response;
  const args = [fx.authentication.challenge, fx.origin, fx.rpId, fx.credential.publicKey] as const;

  it('accepts the captured Chromium ES256 assertion, like the library', async () => {
    expect(importCoseKey(fx.credential.publicKey)).toMatchObject({ alg: -7, hash: 'sha256' });
    expect(await bothAgree(r, ...args)).toBe(true);
  });

  it.each([
    ['signature (last byte)', { ...r, response: { ...r.response, signature: flip(r.response.signature, -1) } }],
    ['signature (an r byte)', { ...r, response: { ...r.response, signature: flip(r.response.signature, 8) } }],
    ['authenticator data (sign counter)', { ...r, response: { ...r.response, authenticatorData: flip(r.response.authenticatorData, 36) } }],
    ['client data JSON (an added member)', withExtraClientData(r)],
  ] as const)('refuses a tampered %s, like the library', async (_what, tampered) => {
    expect(await bothAgree(tampered, ...args)).toBe(false);
  });

  it('refuses a signature by another key of the same algorithm', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    const cose = b64(encodeCbor(new Map<CborInput, CborInput>([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(other.x ?? '', 'base64url')], [-3, Buffer.from(other.y ?? '', 'base64url')]])));
    expect(await bothAgree(r, fx.authentication.challenge, fx.origin, fx.rpId, cose)).toBe(false);
  });
});

/** A synthetic credential of another algorithm, signing like an authenticator. */
function credentialFor(kind: 'ed25519' | 'rsa' | 'p384'): { cose: string; sign: (data: Buffer) => Buffer } {
  let privateKey: KeyObject, cose: Map<CborInput, CborInput>;
  if (kind === 'ed25519') {
    const kp = generateKeyPairSync('ed25519');
    privateKey = kp.privateKey;
    cose = new Map<CborInput, CborInput>([[1, 1], [3, -8], [-1, 6], [-2, Buffer.from(kp.publicKey.export({ format: 'jwk' }).x ?? '', 'base64url')]]);
    return { cose: b64(encodeCbor(cose)), sign: (d) => sign(null, d, privateKey) };
  }
  if (kind === 'rsa') {
    const kp = generateKeyPairSync('rsa', { modulusLength: 2048 });
    privateKey = kp.privateKey;
    const jwk = kp.publicKey.export({ format: 'jwk' });
    cose = new Map<CborInput, CborInput>([[1, 3], [3, -257], [-1, Buffer.from(jwk.n ?? '', 'base64url')], [-2, Buffer.from(jwk.e ?? '', 'base64url')]]);
    return { cose: b64(encodeCbor(cose)), sign: (d) => sign('sha256', d, privateKey) };
  }
  const kp = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const jwk = kp.publicKey.export({ format: 'jwk' });
  cose = new Map<CborInput, CborInput>([[1, 2], [3, -35], [-1, 2], [-2, Buffer.from(jwk.x ?? '', 'base64url')], [-3, Buffer.from(jwk.y ?? '', 'base64url')]]);
  return { cose: b64(encodeCbor(cose)), sign: (d) => sign('sha384', d, kp.privateKey) };
}

describe.each(['ed25519', 'rsa', 'p384'] as const)('fast path with a %s credential', (kind) => {
  const c = credentialFor(kind);
  const rpId = 'bank.example';
  const origin = 'https://bank.example';
  const challenge = b64(sha256('challenge'));
  const authData = Buffer.concat([sha256(rpId), Buffer.from([0x05]), Buffer.from([0, 0, 0, 7])]);
  const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge, origin, crossOrigin: false }));
  const signature = c.sign(Buffer.concat([authData, sha256(clientDataJSON)]));
  const response: AuthenticationResponseInput = { id: b64('cred'), rawId: b64('cred'), type: 'public-key', response: { clientDataJSON: b64(clientDataJSON), authenticatorData: b64(authData), signature: b64(signature) }, clientExtensionResults: {} };

  it('imports the key and agrees with the library on a good and a tampered assertion', async () => {
    expect(importCoseKey(c.cose)).not.toBeNull();
    expect(await bothAgree(response, challenge, origin, rpId, c.cose)).toBe(true);
    const bad = { ...response, response: { ...response.response, authenticatorData: flip(response.response.authenticatorData, 36) } };
    expect(await bothAgree(bad, challenge, origin, rpId, c.cose)).toBe(false);
  });
});

describe('importCoseKey and publicKeyCache', () => {
  it('refuses keys it does not handle (the library then decides)', () => {
    expect(importCoseKey(b64('not cbor at all'))).toBeNull();
    expect(importCoseKey(b64(encodeCbor(new Map<CborInput, CborInput>([[1, 2], [3, -7], [-1, 2], [-2, new Uint8Array(48)], [-3, new Uint8Array(48)]]))))).toBeNull(); // ES256 on P-384
    expect(importCoseKey(b64(encodeCbor(new Map<CborInput, CborInput>([[1, 2], [3, -7], [-1, 1], [-2, new Uint8Array(32)], [-3, new Uint8Array(32)]]))))).toBeNull(); // not on the curve
    expect(importCoseKey(b64(encodeCbor(new Map<CborInput, CborInput>([[1, 3], [3, -37], [-1, new Uint8Array(256)], [-2, new Uint8Array([1, 0, 1])]]))))).toBeNull(); // PS256
  });

  it('is bounded (least recently used goes first) and never answers another key for the same credential id', () => {
    const keys = publicKeyCache({ max: 2 });
    const a = credentialFor('ed25519'), b = credentialFor('ed25519'), c = credentialFor('ed25519');
    const ka = keys.get('A', a.cose);
    keys.get('B', b.cose);
    expect(keys.get('A', a.cose)).toBe(ka);
    keys.get('C', c.cose);
    expect(keys.size).toBe(2);
    expect(keys.get('A', a.cose)).toBe(ka); // A was used after B, so B was evicted
    const data = Buffer.from('signed data');
    const sigB = b.sign(data);
    const sameIdOtherKey = keys.get('A', b.cose);
    expect(sameIdOtherKey).not.toBe(ka);
    if (ka === null || sameIdOtherKey === null) throw new Error('import failed');
    expect(verifyAssertionSignature(sameIdOtherKey, data.subarray(0, 6), data.subarray(6), sigB)).toBe(false);
    expect(verifyAssertionSignature(ka, Buffer.from('x'), Buffer.from('y'), Buffer.from('not a signature'))).toBe(false);
  });
});
