import type { TestDriver } from '@authloop/store';
import { createHarness } from '../../../../apps/server/test/harness.ts';
import type { Harness, TestTenant } from '../../../../apps/server/test/harness.ts';
import type { AuthloopClient } from '../../src/index.ts';
import { credentialsClient } from './credentialsClient.ts';

/** The real app over a fresh database, listening on a free port, with one tenant. */
export interface TestServer {
  readonly harness: Harness;
  readonly baseUrl: string;
  readonly tenant: TestTenant;
  /** An SDK client with the tenant's API client credentials (every client scope). */
  readonly api: AuthloopClient;
  close(): Promise<void>;
}

/** Starts the real server (`buildApp` + `listen({ port: 0 })`) for SDK tests. */
export async function startTestServer(driver: TestDriver = 'pglite'): Promise<TestServer> {
  const harness = await createHarness(driver, { realClock: true });
  const address = await harness.app.server.listen({ port: 0, host: '127.0.0.1' });
  const tenant = await harness.createTenant('SDK Bank');
  const api = credentialsClient({ baseUrl: address, clientId: tenant.clientId, clientSecret: tenant.clientSecret });
  return { harness, baseUrl: address, tenant, api, close: () => harness.close() };
}
