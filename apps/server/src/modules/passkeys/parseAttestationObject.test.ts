import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CborError, decodeCbor } from './decodeCbor.ts';
import { loadChromiumFixture } from './fixtures/chromiumFixture.ts';
import { parseAttestationObject } from './parseAttestationObject.ts';
import { parseAuthenticatorData } from './parseAuthenticatorData.ts';
import { WebAuthnParseError } from './WebAuthnParseError.ts';

const fx = loadChromiumFixture();
const stageOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof WebAuthnParseError ? error.stage : 'other';
  }
};

describe('parseAttestationObject and parseAuthenticatorData on captured Chromium responses', () => {
  it('reads fmt none, the RP ID hash and the UP, UV and AT flags of the registration', () => {
    const att = parseAttestationObject(fx.registration.response.response.attestationObject);
    expect(att.fmt).toBe('none');
    expect(Buffer.from(att.authData.rpIdHash).equals(createHash('sha256').update(fx.rpId).digest())).toBe(true);
    expect(att.authData.flags).toMatchObject({ up: true, uv: true, at: true });
  });

  it('reads the assertion flags and counter', () => {
    const ad = parseAuthenticatorData(Buffer.from(fx.authentication.response.response.authenticatorData, 'base64url'));
    expect(ad.flags).toMatchObject({ up: true, uv: true, at: false });
    expect(ad.signCount).toBeGreaterThanOrEqual(0);
  });

  it('refuses malformed input with the stage that failed', () => {
    expect(stageOf(() => parseAuthenticatorData(new Uint8Array(36)))).toBe('authenticatorData');
    expect(stageOf(() => parseAttestationObject('oWNmbXQ'))).toBe('attestationObject'); // truncated map
    expect(stageOf(() => parseAttestationObject(Buffer.from([0x82, 0x01, 0x02]).toString('base64url')))).toBe('attestationObject'); // an array
    const assertionAuthData = Buffer.from(fx.authentication.response.response.authenticatorData, 'base64url');
    const noAttested = Buffer.concat([Buffer.from([0xa3, 0x63]), Buffer.from('fmt'), Buffer.from([0x64]), Buffer.from('none'), Buffer.from([0x67]), Buffer.from('attStmt'), Buffer.from([0xa0, 0x68]), Buffer.from('authData'), Buffer.from([0x58, assertionAuthData.length]), assertionAuthData]);
    expect(stageOf(() => parseAttestationObject(noAttested.toString('base64url')))).toBe('authenticatorData');
  });

  it('decodes CBOR and refuses indefinite lengths, tags and deep nesting', () => {
    expect(decodeCbor(Uint8Array.from([0x39, 0x01, 0x00])).value).toBe(-257);
    expect(() => decodeCbor(Uint8Array.from([0x9f, 0xff]))).toThrow(CborError);
    expect(() => decodeCbor(Uint8Array.from([0xc0, 0x00]))).toThrow(CborError);
    expect(() => decodeCbor(Uint8Array.from(new Array<number>(40).fill(0x81)))).toThrow(/deeply/);
    expect(() => decodeCbor(Uint8Array.from([0x5a, 0xff, 0xff, 0xff, 0xff]))).toThrow(CborError);
  });
});
