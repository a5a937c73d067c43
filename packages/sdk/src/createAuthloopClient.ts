import { auditApi } from './api/auditApi.ts';
import { clientsApi } from './api/clientsApi.ts';
import { faceApi } from './api/faceApi.ts';
import { livenessApi } from './api/livenessApi.ts';
import { policyApi } from './api/policyApi.ts';
import { privacyApi } from './api/privacyApi.ts';
import { transactionsApi } from './api/transactionsApi.ts';
import { meApi } from './api/meApi.ts';
import { operatorsApi } from './api/operatorsApi.ts';
import { opsApi } from './api/opsApi.ts';
import { passkeysApi } from './api/passkeysApi.ts';
import { platformApi } from './api/platformApi.ts';
import { subjectsApi } from './api/subjectsApi.ts';
import { webhooksApi } from './api/webhooksApi.ts';
import { createTransport } from './Transport.ts';
import type { Transport, TransportOptions } from './Transport.ts';

/**
 * A typed client for the Authloop API, for browsers and Node (fetch). Each group mirrors a server
 * module; every method resolves to the documented answer or throws an `AuthloopError` with a
 * typed `code`.
 *
 * @example
 * const authloop = createAuthloopClient({ baseUrl: 'http://localhost:8080', token: clientCredentials({ clientId, clientSecret, baseUrl }) });
 * const subject = await authloop.subjects.create({ externalId: 'customer-42' });
 */
export function createAuthloopClient(options: TransportOptions = {}) {
  const transport: Transport = createTransport(options);
  return {
    transport,
    ops: opsApi(transport),
    subjects: subjectsApi(transport),
    me: meApi(transport),
    passkeys: passkeysApi(transport),
    operators: operatorsApi(transport),
    audit: auditApi(transport),
    face: faceApi(transport),
    transactions: transactionsApi(transport),
    liveness: livenessApi(transport),
    privacy: privacyApi(transport),
    policy: policyApi(transport),
    clients: clientsApi(transport),
    webhooks: webhooksApi(transport),
    platform: platformApi(transport),
  };
}

/** The client {@link createAuthloopClient} returns. */
export type AuthloopClient = ReturnType<typeof createAuthloopClient>;
