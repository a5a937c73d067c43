import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../app/createServices.ts';
import { operatorRoutes } from '../operators/routes.ts';
import { platformRoutes } from '../operators/platformRoutes.ts';
import { policyRoutes } from '../policy/routes.ts';
import { privacyRoutes } from '../privacy/routes.ts';
import { webhookRoutes } from '../webhooks/routes.ts';

/** Registers the trust-and-compliance routes (operators, platform, privacy, policy, webhooks). */
export function complianceRoutes({ services, signInRateLimit }: { services: Services; signInRateLimit: { max: number; windowS: number } }): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(operatorRoutes({ services, signInRateLimit }));
    await app.register(platformRoutes({ services }));
    await app.register(policyRoutes({ services }));
    await app.register(privacyRoutes({ services }));
    await app.register(webhookRoutes({ services }));
  };
}
