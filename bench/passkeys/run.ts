/**
 * Passkey benchmark. Writes bench/results/passkeys.json.   npm run bench:passkeys [-- --seconds 3 --approvals 300]
 *
 * - assertionVerificationsPerSec: the server's path, our verifyAssertion (parsing, challenge, origin,
 *   RP ID hash, UP/UV, counter) with the signature checked by node:crypto and the credential key from
 *   the passkey service's LRU cache, on an assertion captured from Chromium (ES256), one process,
 *   sequentially.
 * - libraryVerificationsPerSec: before, measured in the same run: @simplewebauthn/server
 *   verifyAuthenticationResponse on the same assertion (what verifyAssertion called until the fast path).
 * - uncachedVerificationsPerSec: verifyAssertion importing the key on every call (no cache).
 * - approvalRoundTripP50Ms / P95: the subject's part of a payment approval over real HTTP against the
 *   in-process server on the embedded database: POST /challenge, sign (software ES256 authenticator),
 *   POST /approve (assertion check, artefact signing, status change and audit in one transaction).
 * - createToApprovedP50Ms: the same plus the bank's POST /v1/transactions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import { createLocalMasterKey, generateKey } from '@authloop/crypto';
import { openTestDatabase } from '@authloop/store';
import { z } from 'zod';
import { buildApp } from '../../apps/server/src/app/buildApp.ts';
import { systemClock } from '../../apps/server/src/app/Clock.ts';
import { loadConfig } from '../../apps/server/src/config/Config.ts';
import { clientScopes } from '../../apps/server/src/modules/auth/scopes.ts';
import { decodeCbor } from '../../apps/server/src/modules/passkeys/decodeCbor.ts';
import { loadChromiumFixture } from '../../apps/server/src/modules/passkeys/fixtures/chromiumFixture.ts';
import { parseClientDataJSON } from '../../apps/server/src/modules/passkeys/parseClientDataJSON.ts';
import { publicKeyCache } from '../../apps/server/src/modules/passkeys/publicKeyCache.ts';
import { defaultPolicy } from '../../apps/server/src/modules/policy/policySchema.ts';
import { toLibraryResponse, verifyAssertion } from '../../apps/server/src/modules/passkeys/verifyAssertion.ts';
import { SoftAuthenticator } from '../../apps/server/test/support/softAuthenticator.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 3);
const approvals = arg('approvals', 300);
const out = fileURLToPath(new URL('../results/passkeys.json', import.meta.url));

async function perSecond(fn: () => Promise<boolean>): Promise<number> {
  for (let i = 0; i < 200; i++) if (!(await fn())) throw new Error('verification failed during warm-up');
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) if (await fn()) n++;
  }
  return Math.round(n / ((performance.now() - start) / 1000));
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 100) / 100;
};

// 1. Assertion verification on a captured Chromium assertion.
const fx = loadChromiumFixture();
const libResponse = toLibraryResponse(fx.authentication.response);
const publicKey = Buffer.from(fx.credential.publicKey, 'base64url');
const libraryVerificationsPerSec = await perSecond(async () => {
  const r = await verifyAuthenticationResponse({ response: libResponse, expectedChallenge: fx.authentication.challenge, expectedOrigin: fx.origin, expectedRPID: fx.rpId, credential: { id: fx.credential.id, publicKey, counter: 0 }, requireUserVerification: true });
  return r.verified;
});
const clientData = parseClientDataJSON(fx.authentication.response.response.clientDataJSON);
const credential = { credentialId: fx.credential.id, publicKey: fx.credential.publicKey, signCount: 0 };
const keys = publicKeyCache();
const assertionVerificationsPerSec = await perSecond(async () => {
  const r = await verifyAssertion({ response: fx.authentication.response, clientData, expectedChallenge: fx.authentication.challenge, origins: [fx.origin], rpId: fx.rpId, credential, keys });
  return r.verified;
});
const uncachedVerificationsPerSec = await perSecond(async () => {
  const r = await verifyAssertion({ response: fx.authentication.response, clientData, expectedChallenge: fx.authentication.challenge, origins: [fx.origin], rpId: fx.rpId, credential });
  return r.verified;
});
// Reference on the same machine and moment: a bare ES256 verify with node:crypto and a cached key.
const cose = decodeCbor(publicKey).value;
if (!(cose instanceof Map)) throw new Error('not a COSE key');
const coord = (k: number) => {
  const v = cose.get(k);
  if (!(v instanceof Uint8Array)) throw new Error('bad COSE key');
  return Buffer.from(v).toString('base64url');
};
const keyObject = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: coord(-2), y: coord(-3) }, format: 'jwk' });
const authData = Buffer.from(fx.authentication.response.response.authenticatorData, 'base64url');
const cdj = Buffer.from(fx.authentication.response.response.clientDataJSON, 'base64url');
const signature = Buffer.from(fx.authentication.response.response.signature, 'base64url');
const rawEs256VerifiesPerSec = await perSecond(async () => verify('sha256', Buffer.concat([authData, createHash('sha256').update(cdj).digest()]), keyObject, signature));
process.stdout.write(`bare node:crypto ES256 verifies/s: ${rawEs256VerifiesPerSec}\n`);
process.stdout.write(`assertion verifications/s: ${assertionVerificationsPerSec} (verifyAssertion, cached key), ${uncachedVerificationsPerSec} (no cache), ${libraryVerificationsPerSec} (library, before)\n`);

// 2. Approval round trip over HTTP.
const db = await openTestDatabase('pglite');
const config = loadConfig({ NODE_ENV: 'test', AUTHLOOP_DATA_DIR: '/nonexistent', AUTHLOOP_RATE_LIMIT_MAX: '10000000', LOG_LEVEL: 'silent' });
const app = await buildApp({ config, db, masterKey: createLocalMasterKey(generateKey()), clock: systemClock, logger: false });
await app.server.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.server.address();
if (address === null || typeof address === 'string') throw new Error('not listening');
const base = `http://127.0.0.1:${address.port}`;
const s = app.services;
const tenant = await s.tenants.create({ name: 'Bench Bank', settings: { passkeys: { rpId: 'localhost', origins: ['http://localhost:8080'] } } });
// Payments need a passkey alone (the default policy also asks for a liveness token, which this bench does not measure).
await s.policy.set(tenant.id, { ...defaultPolicy, actions: { ...defaultPolicy.actions, approvePayment: [{ maxAmountMinor: null, factors: ['passkey'] }] }, liveness: { required: 'never', riskAbove: 30 } }, { type: 'system', id: null });
const { client } = await s.clients.create({ tenantId: tenant.id, name: 'bench', scopes: clientScopes });
const clientAuth = `Bearer ${(await s.tokens.issue({ kind: 'client', tenantId: tenant.id, id: client.id, scopes: new Set(clientScopes) })).accessToken}`;
const subject = await s.subjects.create(tenant.id, { externalId: 'bench-subject' }, { type: 'system', id: null });
const subjectAuth = `Bearer ${(await s.sessions.start({ kind: 'subject', tenantId: tenant.id, id: subject.id, scopes: new Set(['self'] as const) })).accessToken}`;

const post = async (path: string, auth: string, body?: unknown): Promise<unknown> => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
};
const authenticator = new SoftAuthenticator();
const creation = z.object({ challenge: z.string(), rp: z.object({ id: z.string().optional() }), user: z.object({ id: z.string() }) }).parse(await post('/v1/me/passkeys/registration/options', subjectAuth, {}));
await post('/v1/me/passkeys/registration/verify', subjectAuth, { credential: authenticator.create(creation) });
const idOf = z.object({ id: z.string() });
const challengeOf = z.object({ publicKey: z.object({ challenge: z.string(), rpId: z.string().optional() }) });
const approved = z.object({ transaction: z.object({ status: z.literal('approved') }) });

const roundTrips: number[] = [];
const fullTrips: number[] = [];
for (let i = 0; i < approvals + 20; i++) {
  const t0 = performance.now();
  const { id } = idOf.parse(await post('/v1/transactions', clientAuth, { subjectId: subject.id, amount: '19.99', currency: 'EUR', payee: { name: 'Bench Payee', account: 'DE89370400440532013000' }, reference: `bench-${i}` }));
  const t1 = performance.now();
  const c = challengeOf.parse(await post(`/v1/transactions/${id}/challenge`, subjectAuth));
  approved.parse(await post(`/v1/transactions/${id}/approve`, subjectAuth, { credential: authenticator.get(c.publicKey) }));
  const t2 = performance.now();
  if (i >= 20) {
    roundTrips.push(t2 - t1);
    fullTrips.push(t2 - t0);
  }
}
await app.server.close();
await db.close();

const result = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  assertion: 'ES256, captured from Chromium virtual authenticator',
  assertionVerificationsPerSec,
  assertionPath: 'verifyAssertion with policy checks, node:crypto signature, LRU-cached key',
  uncachedVerificationsPerSec,
  libraryVerificationsPerSec,
  rawEs256VerifiesPerSec,
  loadAverage1m: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  approvals,
  database: 'pglite (in-memory)',
  approvalRoundTripP50Ms: percentile(roundTrips, 50),
  approvalRoundTripP95Ms: percentile(roundTrips, 95),
  createToApprovedP50Ms: percentile(fullTrips, 50),
  createToApprovedP95Ms: percentile(fullTrips, 95),
};
mkdirSync(fileURLToPath(new URL('../results/', import.meta.url)), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\nwrote ${out}\n`);
