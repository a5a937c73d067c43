import { z } from 'zod';

export const endpointParams = z.object({ endpointId: z.uuid() }).strict();

export const eventPattern = z.string().regex(/^(\*|[a-z0-9_-]+(\.[a-z0-9_-]+)*(\.\*)?)$/).describe('An audit action ("privacy.erase"), a prefix ("transaction.*") or "*"');

export const createEndpointBody = z.object({ url: z.string().max(2000), events: z.array(eventPattern).min(1).max(50) }).strict();

export const endpointView = z.object({ id: z.uuid(), url: z.string(), events: z.array(z.string()), createdAt: z.string() }).meta({ id: 'WebhookEndpoint' });

export const createdEndpointView = endpointView.extend({ secret: z.string().describe('HMAC-SHA256 key for the authloop-signature header') });

export const deliveryView = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });
