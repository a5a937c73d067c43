import type { TestDriver } from '@authloop/store';
import { clientScopes } from '../../../server/src/modules/auth/scopes.ts';
import { createHarness } from '../../../server/test/harness.ts';
import { closeTestFaceEngine, testModelsDir } from '../../../server/test/support/faceEngine.ts';
import type { Harness } from '../../../server/test/harness.ts';
import { ensureWebBuild } from '../../scripts/ensureWebBuild.ts';
import { freePort } from './freePort.ts';

/** The real server with the built web app, on a free port, and one tenant set up for passkeys. */
export interface WebServer {
  readonly harness: Harness;
  /** `http://localhost:PORT` (a secure context, so WebAuthn and the camera work). */
  readonly base: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  close(): Promise<void>;
}

/**
 * Builds the web app when stale, starts the real app (`buildApp` over a fresh database,
 * `listen({ port: 0 })`) and creates a tenant whose passkey origin is this server. With `face`,
 * the server also runs the real face engine and the liveness analyser (models from
 * ../shared/data/models), and the tenant's liveness sessions draw from `livenessChallenges`. With
 * `issuerIsBase`, the server's public URL (`AUTHLOOP_ISSUER`) is its own `base`, as operator passkeys
 * need (their RP ID and origin are the issuer's): the port is chosen before the app is built.
 */
export async function startWebServer(driver: TestDriver = 'pglite', { face = false, livenessChallenges, issuerIsBase = false }: { face?: boolean; livenessChallenges?: readonly string[]; issuerIsBase?: boolean } = {}): Promise<WebServer> {
  await ensureWebBuild({ log: () => undefined });
  const port = issuerIsBase ? await freePort() : 0;
  const env = { ...(face ? { AUTHLOOP_MODELS_DIR: testModelsDir } : {}), ...(issuerIsBase ? { AUTHLOOP_ISSUER: `http://localhost:${port}` } : {}) };
  const harness = await createHarness(driver, { realClock: true, face, env });
  await harness.app.server.listen({ port, host: '127.0.0.1' });
  const address = harness.app.server.addresses()[0];
  if (address === undefined || typeof address === 'string') throw new Error('not listening on TCP');
  const base = `http://localhost:${address.port}`;
  const tenant = await harness.app.services.tenants.create({ name: 'Web Test Bank', settings: { passkeys: { rpId: 'localhost', origins: [base] }, ...(livenessChallenges === undefined ? {} : { liveness: { challengeTypes: livenessChallenges, minCount: 1, maxCount: 1 } }) } });
  const { client, clientSecret } = await harness.app.services.clients.create({ tenantId: tenant.id, name: 'web test client', scopes: clientScopes });
  return { harness, base, tenantId: tenant.id, clientId: client.id, clientSecret, close: async () => {
      await harness.close();
      if (face) await closeTestFaceEngine();
    } };
}
