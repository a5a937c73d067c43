import type { LightMyRequestResponse } from 'fastify';
import type { Harness } from '../harness.ts';
import { clientScopes } from '../../src/modules/auth/scopes.ts';

/** A tenant configured for passkeys, one subject, and tokens for both. */
export interface PasskeyTenant {
  readonly tenantId: string;
  readonly clientAuth: { authorization: string };
  readonly subjectId: string;
  readonly subjectAuth: { authorization: string };
}

/** Creates a tenant whose RP ID and origins are given (defaults: `localhost`, `http://localhost:8080`), a subject and their session. */
export async function createPasskeyTenant(h: Harness, { rpId = 'localhost', origins = ['http://localhost:8080'], settings = {}, externalId = 'customer-1' }: { rpId?: string; origins?: string[]; settings?: Record<string, unknown>; externalId?: string } = {}): Promise<PasskeyTenant> {
  const tenant = await h.app.services.tenants.create({ name: 'Passkey Bank', settings: { passkeys: { rpId, origins }, ...settings } });
  const { client } = await h.app.services.clients.create({ tenantId: tenant.id, name: 'bank back end', scopes: clientScopes });
  const issued = await h.app.services.tokens.issue({ kind: 'client', tenantId: tenant.id, id: client.id, scopes: new Set(clientScopes) });
  const clientAuth = { authorization: `Bearer ${issued.accessToken}` };
  const subject = await h.app.services.subjects.create(tenant.id, { externalId, displayName: 'Ada Lovelace' }, { type: 'system', id: null });
  const session = await h.app.services.sessions.start({ kind: 'subject', tenantId: tenant.id, id: subject.id, scopes: new Set(['self'] as const) });
  return { tenantId: tenant.id, clientAuth, subjectId: subject.id, subjectAuth: { authorization: `Bearer ${session.accessToken}` } };
}

/** The error code of an error answer (or `OK <status>` for a success). */
export function codeOf(res: LightMyRequestResponse): string {
  if (res.statusCode < 400) return `OK ${res.statusCode}`;
  return res.json<{ error: { code: string } }>().error.code;
}
