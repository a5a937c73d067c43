import { z } from 'zod';
import { clientScopes } from '../auth/scopes.ts';

export const clientIdParams = z.object({ clientId: z.string().regex(/^cl_[A-Za-z0-9_-]{16}$/).describe('An API client id, e.g. cl_…') }).strict();

export const createClientBody = z
  .object({
    name: z.string().trim().min(1).max(100).describe('What this client is, e.g. "core banking (prod)"'),
    scopes: z.array(z.enum(clientScopes)).min(1).max(clientScopes.length).describe('Scopes the client may request; only scopes the caller holds'),
  })
  .strict()
  .meta({ id: 'CreateApiClient', example: { name: 'core banking', scopes: ['transactions:write', 'transactions:read'] } });

export const clientView = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(clientScopes)),
    disabledAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ApiClient' });

export const createdClientView = clientView
  .extend({ clientSecret: z.string().describe('Shown once: store it now. Only its hash is kept.') })
  .meta({ id: 'CreatedApiClient' });
