import { z } from 'zod';

/** A tenant as platform superadmins see it. */
export const tenantView = z.object({ id: z.uuid(), name: z.string(), createdAt: z.string() }).meta({ id: 'Tenant' });

/** Body of `POST /v1/platform/tenants`. */
export const createTenantBody = z.object({ name: z.string().min(1).max(200) }).strict();
