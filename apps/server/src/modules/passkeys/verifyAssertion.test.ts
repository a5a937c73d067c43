import { describe, expect, it } from 'vitest';
import { loadChromiumFixture } from './fixtures/chromiumFixture.ts';
import { parseClientDataJSON } from './parseClientDataJSON.ts';
import { verifyAssertion } from './verifyAssertion.ts';

const fx = loadChromiumFixture();
const response = fx.authentication.response;
const clientData = parseClientDataJSON(response.response.clientDataJSON);
const base = { response, clientData, expectedChallenge: fx.authentication.challenge, origins: [fx.origin], rpId: fx.rpId, credential: { credentialId: fx.credential.id, publicKey: fx.credential.publicKey, signCount: 0 } };

describe('verifyAssertion on a captured Chromium assertion', () => {
  it('verifies and reports the hashes of authenticator data and client data', async () => {
    const r = await verifyAssertion(base);
    expect(r).toMatchObject({ verified: true, userVerified: true });
    if (r.verified) expect(r.authenticatorDataHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    ['challenge', { expectedChallenge: 'another' }],
    ['origin', { origins: ['https://bank.example'] }],
    ['rpId', { rpId: 'bank.example' }],
    ['type', { expectedTypes: ['payment.get'] }],
  ] as const)('refuses a wrong %s as a result', async (reason, change) => {
    expect(await verifyAssertion({ ...base, ...change })).toMatchObject({ verified: false, reason });
  });

  it('refuses a signature made by another key or over other data', async () => {
    const sig = Buffer.from(response.response.signature, 'base64url');
    sig[sig.length - 5] = (sig[sig.length - 5] ?? 0) ^ 0xff;
    const tampered = { ...response, response: { ...response.response, signature: sig.toString('base64url') } };
    expect(await verifyAssertion({ ...base, response: tampered })).toMatchObject({ verified: false, reason: 'signature' });
    const regKey = { ...base.credential, publicKey: Buffer.from('not a cose key').toString('base64url') };
    expect(await verifyAssertion({ ...base, credential: regKey })).toMatchObject({ verified: false, reason: 'signature' });
  });

  it('refuses a counter that does not move forward, after the signature checks', async () => {
    const authData = Buffer.from(response.response.authenticatorData, 'base64url');
    const count = authData.readUInt32BE(33);
    const r = await verifyAssertion({ ...base, credential: { ...base.credential, signCount: count + 10 } });
    expect(r).toMatchObject({ verified: false, reason: 'counter' });
  });
});
