import { randomBytes } from 'node:crypto';
import { digestsEqual, hashSecret, randomSecret } from '@authloop/crypto';
import type { Database } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import type { ClientScope } from '../auth/scopes.ts';
import { clientRepository } from './clientRepository.ts';
import type { ApiClient } from './clientRepository.ts';

/**
 * API clients of a tenant: creation (the secret is returned once and stored only as a hash),
 * listing, disabling, and credential checks at the token endpoint. `issue` and `disable` are the
 * audited operations behind `/v1/clients`; `create` is the unaudited bootstrap path (CLI, tests).
 */
export function clientService({ db, audit, clock }: { db: Database; audit: AuditLog; clock: Clock }) {
  const newCredentials = () => ({ id: `cl_${randomBytes(12).toString('base64url')}`, clientSecret: `cls_${randomSecret()}` });
  return {
    /** Creates a client without an audit record (bootstrap); the secret is returned once. */
    async create(input: { tenantId: string; name: string; scopes: readonly ClientScope[] }): Promise<{ client: ApiClient; clientSecret: string }> {
      const { id, clientSecret } = newCredentials();
      const client = await clientRepository(db).insert({ id, tenantId: input.tenantId, name: input.name, secretHash: hashSecret(clientSecret), scopes: input.scopes });
      return { client, clientSecret };
    },

    /**
     * Creates a client for `actor`, audited as `client.create` (name and scopes, never the secret)
     * in the same transaction. `grantable` is what the actor holds: asking for any other scope is
     * INSUFFICIENT_SCOPE, so nobody mints a client stronger than themselves.
     */
    async issue(tenantId: string, input: { name: string; scopes: readonly ClientScope[] }, actor: AuditActor, grantable: ReadonlySet<string>): Promise<{ client: ApiClient; clientSecret: string }> {
      const beyond = input.scopes.filter((s) => !grantable.has(s));
      if (beyond.length > 0) throw new AppError('INSUFFICIENT_SCOPE', `You cannot grant scopes you do not hold: ${beyond.join(', ')}.`, { details: { scopes: beyond } });
      const { id, clientSecret } = newCredentials();
      const scopes = [...new Set(input.scopes)];
      const client = await db.transaction(async (tx) => {
        const c = await clientRepository(tx).insert({ id, tenantId, name: input.name, secretHash: hashSecret(clientSecret), scopes });
        await audit.record(tx, { tenantId, actor, action: 'client.create', outcome: 'success', details: { clientId: c.id, name: c.name, scopes: scopes.join(' ') } });
        return c;
      });
      return { client, clientSecret };
    },

    /** The tenant's clients, oldest first. */
    list: (tenantId: string): Promise<ApiClient[]> => clientRepository(db).list(tenantId),

    /**
     * Disables a client of the tenant, audited as `client.disable`: its secret no longer gets
     * tokens. CLIENT_NOT_FOUND for an unknown id or another tenant's; an already disabled client
     * is answered as it is, without a second record.
     */
    async disable(tenantId: string, id: string, actor: AuditActor): Promise<ApiClient> {
      return db.transaction(async (tx) => {
        const repo = clientRepository(tx);
        if (await repo.disable(tenantId, id, clock.now())) {
          await audit.record(tx, { tenantId, actor, action: 'client.disable', outcome: 'success', details: { clientId: id } });
        }
        const client = await repo.get(tenantId, id);
        if (client === null) throw new AppError('CLIENT_NOT_FOUND', `No API client ${id} in this tenant.`);
        return client;
      });
    },

    /** The client when `secret` is right and the client is enabled; otherwise null (no hint which). */
    async authenticate(id: string, secret: string): Promise<ApiClient | null> {
      const client = await clientRepository(db).getForAuthentication(id);
      const ok = client !== null && digestsEqual(client.secretHash, hashSecret(secret));
      return ok && client.disabledAt === null ? client : null;
    },
  };
}

export type ClientService = ReturnType<typeof clientService>;
