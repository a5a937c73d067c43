/**
 * Captures a real registration and assertion from headless Chromium's virtual authenticator (ES256)
 * into apps/server/src/modules/passkeys/fixtures/chromium-es256.json, for the parsing unit tests and
 * the assertion benchmark. Run again only to refresh it:   npx tsx bench/passkeys/captureFixture.ts
 */
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateAuthenticationOptions, generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { registrationResponse } from '../../apps/server/src/modules/passkeys/schema.ts';
import { openBrowserAuthenticator } from '../../apps/server/test/support/virtualAuthenticator.ts';

const out = fileURLToPath(new URL('../../apps/server/src/modules/passkeys/fixtures/chromium-es256.json', import.meta.url));
const server = createServer((_req, res) => res.end('ok'));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const address = server.address();
if (address === null || typeof address === 'string') throw new Error('no port');
const origin = `http://localhost:${address.port}`;
const rpId = 'localhost';
const b = await openBrowserAuthenticator(`${origin}/`);
try {
  const regOptions = await generateRegistrationOptions({ rpName: 'Authloop fixture', rpID: rpId, userName: 'fixture', userID: new Uint8Array(16).fill(7), authenticatorSelection: { residentKey: 'required', userVerification: 'required' }, supportedAlgorithmIDs: [-7] });
  const registration = await b.create(regOptions);
  const reg = registrationResponse.parse(registration);
  const verified = await verifyRegistrationResponse({
    response: { id: reg.id, rawId: reg.rawId, type: 'public-key', response: { clientDataJSON: reg.response.clientDataJSON, attestationObject: reg.response.attestationObject }, clientExtensionResults: {} },
    expectedChallenge: regOptions.challenge, expectedOrigin: origin, expectedRPID: rpId });
  if (!verified.verified) throw new Error('registration did not verify');
  const authOptions = await generateAuthenticationOptions({ rpID: rpId, userVerification: 'required' });
  const authentication = await b.get(authOptions);
  const fixture = {
    note: 'Captured from Chromium (DevTools virtual authenticator: ctap2, internal, resident key, user verified) by bench/passkeys/captureFixture.ts',
    rpId,
    origin,
    registration: { challenge: regOptions.challenge, response: registration },
    authentication: { challenge: authOptions.challenge, response: authentication },
    credential: { id: verified.registrationInfo.credential.id, publicKey: Buffer.from(verified.registrationInfo.credential.publicKey).toString('base64url'), counter: verified.registrationInfo.credential.counter },
  };
  writeFileSync(out, `${JSON.stringify(fixture, null, 2)}\n`);
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await b.close();
  server.close();
}
