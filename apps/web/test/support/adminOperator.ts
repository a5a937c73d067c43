import type { WebServer } from './startWebServer.ts';

/** The admin operator the admin portal tests sign in as. */
export const ADMIN = { email: 'admin@bank.test', password: 'correct-fjord-lamp-quiz' } as const;

/** Creates {@link ADMIN} in the test tenant through the server's services (as `authloop admin create-operator` does). */
export async function createAdminOperator(s: WebServer): Promise<void> {
  await s.harness.app.services.operators.create({ tenantId: s.tenantId, email: ADMIN.email, role: 'admin', password: ADMIN.password }, { type: 'system', id: null });
}
