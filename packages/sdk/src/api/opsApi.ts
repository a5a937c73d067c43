import type { Transport } from '../Transport.ts';
import type { Health, Jwk, Readiness } from '../serverTypes.ts';

/** Operations endpoints: probes, Prometheus metrics and the public signing keys. All public. */
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
  };
}

/** The ops API group. */
export type OpsApi = ReturnType<typeof opsApi>;
