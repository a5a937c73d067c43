import { createLocalMasterKey, generateKey } from '@authloop/crypto';
import { openTestDatabase } from '@authloop/store';
import type { Database, TestDriver } from '@authloop/store';
import type { App } from '../src/app/buildApp.ts';
import { buildApp } from '../src/app/buildApp.ts';
import type { AppDeps } from '../src/app/AppDeps.ts';
import { manualClock } from '../src/app/Clock.ts';
import type { Clock } from '../src/app/Clock.ts';
import { loadConfig } from '../src/config/Config.ts';
import { clientScopes } from '../src/modules/auth/scopes.ts';
import { testFaceEngine } from './support/faceEngine.ts';
import type { ClientScope } from '../src/modules/auth/scopes.ts';

/** A tenant with one API client and a ready access token, for tests. */
export interface TestTenant {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly token: string;
  /** `{ authorization: 'Bearer …' }` */
  readonly auth: { authorization: string };
}

/** A running test app over a fresh, isolated database. */
export interface Harness {
  readonly app: App;
  readonly db: Database;
  readonly clock: Clock & { advance(ms: number): void; set(d: Date): void };
  createTenant(name?: string, scopes?: readonly ClientScope[]): Promise<TestTenant>;
  close(): Promise<void>;
}

/**
 * Builds the real app over a real database of the given driver (in-memory PGlite or a fresh
 * PostgreSQL database) with a manual clock. `env` overrides configuration variables; `face` adds
 * the test file's shared face engine (see support/faceEngine.ts).
 */
export async function createHarness(driver: TestDriver = 'pglite', options: { env?: Record<string, string>; deps?: Partial<AppDeps>; realClock?: boolean; face?: boolean } = {}): Promise<Harness> {
  const db = await openTestDatabase(driver);
  const clock = manualClock(new Date());
  const realClock = { ...clock, now: () => new Date() };
  const config = loadConfig({ NODE_ENV: 'test', AUTHLOOP_DATA_DIR: '/nonexistent-test-data-dir', AUTHLOOP_RATE_LIMIT_MAX: '100000', ...options.env });
  const engine = options.face === true ? await testFaceEngine() : undefined;
  const app = await buildApp({ config, db, masterKey: createLocalMasterKey(generateKey()), clock: options.realClock ? realClock : clock, logger: false, engine, ...options.deps });
  await app.server.ready();
  return {
    app,
    db,
    clock,
    async createTenant(name = 'Test Bank', scopes = clientScopes) {
      const tenant = await app.services.tenants.create({ name });
      const { client, clientSecret } = await app.services.clients.create({ tenantId: tenant.id, name: 'test client', scopes });
      const issued = await app.services.tokens.issue({ kind: 'client', tenantId: tenant.id, id: client.id, scopes: new Set(scopes) });
      return { tenantId: tenant.id, clientId: client.id, clientSecret, token: issued.accessToken, auth: { authorization: `Bearer ${issued.accessToken}` } };
    },
    async close() {
      await app.server.close();
      await db.close();
    },
  };
}
