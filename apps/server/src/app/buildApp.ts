import { randomUUID } from 'node:crypto';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorCodes, errorStatus } from '../errors/codes.ts';
import { activityRoutes } from '../modules/activity/routes.ts';
import { auditRoutes } from '../modules/audit/routes.ts';
import { clientRoutes } from '../modules/clients/routes.ts';
import { complianceRoutes } from '../modules/compliance/complianceRoutes.ts';
import { startComplianceJobs } from '../modules/compliance/startComplianceJobs.ts';
import { faceRoutes } from '../modules/face/routes.ts';
import { keysRoutes } from '../modules/keys/routes.ts';
import { livenessRoutes } from '../modules/liveness/routes.ts';
import { oauthRoutes } from '../modules/auth/oauthRoutes.ts';
import { meRoutes } from '../modules/auth/meRoutes.ts';
import { opsRoutes } from '../modules/ops/routes.ts';
import { passkeyRoutes } from '../modules/passkeys/routes.ts';
import { subjectRoutes } from '../modules/subjects/routes.ts';
import { transactionRoutes } from '../modules/transactions/routes.ts';
import { installAuthentication } from '../plugins/authentication.ts';
import { installErrorHandler } from '../plugins/errorHandler.ts';
import { createMetrics, installMetrics } from '../plugins/metrics.ts';
import { installRateLimit } from '../plugins/rateLimit.ts';
import { webApp } from '../plugins/webApp.ts';
import type { AppDeps } from './AppDeps.ts';
import { createServices } from './createServices.ts';
import type { Services } from './createServices.ts';

export const API_VERSION = '0.1.0';

/** The built application: the Fastify instance and the services behind it. */
export interface App {
  readonly server: FastifyInstance;
  readonly services: Services;
}

/**
 * Builds the HTTP API from explicit dependencies without listening. `server.ts`/`main.ts` listens;
 * tests use `app.server.inject()` or `listen({ port: 0 })`.
 */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config } = deps;
  const services = await createServices(deps);
  const server = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: deps.logger === undefined || deps.logger === true ? config.logLevel : deps.logger.level,
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'], censor: '[redacted]' },
          },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,128}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  server.removeContentTypeParser('text/plain');
  server.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  installErrorHandler(server);
  const metrics = createMetrics();
  installMetrics(server, metrics);
  installAuthentication(server, services.tokens, services.principalStatus);
  await server.register(formbody, { bodyLimit: 16 * 1024 });
  await server.register(websocket, { options: { maxPayload: 4 * 1024 * 1024 } });
  server.addHook('onClose', async () => services.livenessAnalyzer.close());
  await installRateLimit(server, { max: config.rateLimit.max, windowS: config.rateLimit.windowS, redis: deps.redis });

  await server.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Authloop API',
        version: API_VERSION,
        description: `Biometric authentication for fintech. Every error answers \`{ "error": { "code", "message", "details"? } }\`.\n\nError codes and statuses:\n\n${errorCodes.map((c) => `- \`${c}\` → ${errorStatus[c]}`).join('\n')}`,
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          oauth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: {} } } },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await server.register(swaggerUi, { routePrefix: '/docs' });

  await server.register(opsRoutes({ db: deps.db, metrics, version: API_VERSION }));
  await server.register(keysRoutes({ keys: services.keys }));
  await server.register(oauthRoutes({ services, tokenRateLimit: { max: config.rateLimit.tokenMax, windowS: config.rateLimit.windowS } }));
  await server.register(meRoutes());
  await server.register(subjectRoutes({ services }));
  await server.register(clientRoutes({ services }));
  await server.register(faceRoutes({ services }));
  await server.register(passkeyRoutes({ services }));
  await server.register(transactionRoutes({ services }));
  await server.register(livenessRoutes({ services }));
  await server.register(auditRoutes({ services }));
  await server.register(activityRoutes({ services }));
  await server.register(complianceRoutes({ services, signInRateLimit: { max: config.rateLimit.tokenMax, windowS: config.rateLimit.windowS } }));
  if (deps.backgroundJobs ?? config.env !== 'test') {
    const stopJobs = startComplianceJobs(services, server.log);
    server.addHook('onClose', async () => stopJobs());
  }
  await server.register(webApp());

  return { server, services };
}
