import type { Transport } from '../Transport.ts';
import type { Me } from '../serverTypes.ts';

/** The caller itself. */
export function meApi(t: Transport) {
  return {
    /** `GET /v1/me`: kind (`client`, `subject`, `operator`), tenant, id and scopes of the current token. */
    get: () => t.json<Me>({ method: 'GET', path: '/v1/me' }),
  };
}

/** The me API group. */
export type MeApi = ReturnType<typeof meApi>;
