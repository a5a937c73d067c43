import type { z } from 'zod';
import type { ApiClient } from './clientRepository.ts';
import type { clientView } from './schema.ts';

/** The public view of an API client: never the secret or its hash. */
export function toClientView(c: ApiClient): z.infer<typeof clientView> {
  return { id: c.id, name: c.name, scopes: [...c.scopes], disabledAt: c.disabledAt?.toISOString() ?? null, createdAt: c.createdAt.toISOString() };
}
