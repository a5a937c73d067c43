import type { Transport } from '../Transport.ts';
import type { ActivityQuery, ActivityReport, Health, Jwk, Readiness } from '../serverTypes.ts';

/** Operations endpoints: probes, Prometheus metrics and the public signing keys (public); the tenant's activity (`audit:read`). */
export function opsApi(t: Transport) {
  return {
    /** `GET /health`: the process is up. */
    health: () => t.json<Health>({ method: 'GET', path: '/health', auth: false }),
    /** `GET /ready`: the database answers; `NOT_READY` (503) otherwise. */
    ready: () => t.json<Readiness>({ method: 'GET', path: '/ready', auth: false }),
    /** `GET /metrics`: Prometheus text exposition; parse with {@link parsePrometheus}. */
    metrics: () => t.text({ method: 'GET', path: '/metrics', auth: false }),
    /** `GET /.well-known/jwks.json`: keys that verify tokens, approval artefacts and liveness results. */
    jwks: () => t.json<{ keys: Jwk[] }>({ method: 'GET', path: '/.well-known/jwks.json', auth: false }),
    /**
     * `GET /v1/ops/activity`: the tenant's authentication attempts per UTC day by audit action and
     * outcome, and liveness sessions passed/failed with failure reasons, for the last `days` days
     * (1–90, default 14) including today. Needs `audit:read` (clients, admin and auditor operators).
     */
    activity: (query: ActivityQuery = {}) => t.json<ActivityReport>({ method: 'GET', path: '/v1/ops/activity', query: { days: typeof query.days === 'number' ? query.days : undefined } }),
  };
}

/** The ops API group. */
export type OpsApi = ReturnType<typeof opsApi>;
