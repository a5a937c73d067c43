import { randomBytes } from 'node:crypto';
import { digestsEqual, hashSecret, randomSecret } from '@authloop/crypto';
import type { ClientScope } from '../auth/scopes.ts';
import type { ApiClient, ClientRepository } from './clientRepository.ts';

/** Creates API clients and checks their credentials. */
export function clientService({ repo }: { repo: ClientRepository }) {
  return {
    /** Creates a client; the secret is returned once and stored only as a hash. */
    async create(input: { tenantId: string; name: string; scopes: readonly ClientScope[] }): Promise<{ client: ApiClient; clientSecret: string }> {
      const id = `cl_${randomBytes(12).toString('base64url')}`;
      const clientSecret = `cls_${randomSecret()}`;
      const client = await repo.insert({ id, tenantId: input.tenantId, name: input.name, secretHash: hashSecret(clientSecret), scopes: input.scopes });
      return { client, clientSecret };
    },
    /** The client when `secret` is right and the client is enabled; otherwise null (no hint which). */
    async authenticate(id: string, secret: string): Promise<ApiClient | null> {
      const client = await repo.getForAuthentication(id);
      const ok = client !== null && digestsEqual(client.secretHash, hashSecret(secret));
      return ok && client.disabledAt === null ? client : null;
    },
  };
}

export type ClientService = ReturnType<typeof clientService>;
