import type { Transport } from '../Transport.ts';
import type { CreatedLivenessSession, CreateLivenessSessionInput, LivenessSession, LivenessSettings, LivenessSettingsInput } from '../serverTypes.ts';

const enc = encodeURIComponent;

/**
 * Active liveness sessions. A person's session token (scope `self`) starts sessions for itself; the
 * bank's back end (`liveness:write`) for any subject. Stream the camera with `runLivenessSession`
 * from `@authloop/sdk/browser`.
 */
export function livenessApi(t: Transport) {
  return {
    /**
     * `POST /v1/liveness/sessions`: random challenges (narrowed by `challengeTypes`, at most
     * `count`), a 3-minute expiry and a single-use `streamTicket` for the WebSocket.
     */
    createSession: (input: CreateLivenessSessionInput = {}) => t.json<CreatedLivenessSession>({ method: 'POST', path: '/v1/liveness/sessions', json: input }),
    /** `GET /v1/liveness/sessions/{id}`: state and, once finished, the result (reasons, scores, per-challenge times). */
    get: (sessionId: string) => t.json<LivenessSession>({ method: 'GET', path: `/v1/liveness/sessions/${enc(sessionId)}` }),
    /** `GET /v1/liveness/settings` (`tenant:admin`): the challenge types sessions draw from and how many. */
    settings: () => t.json<LivenessSettings>({ method: 'GET', path: '/v1/liveness/settings' }),
    /** `PUT /v1/liveness/settings` (`tenant:admin`): replaces them (omitted fields take defaults; `minCount` ≤ `maxCount`). */
    updateSettings: (settings: LivenessSettingsInput) => t.json<LivenessSettings>({ method: 'PUT', path: '/v1/liveness/settings', json: settings }),
    /** `GET /v1/liveness/sessions/{id}/mesh` (`liveness:read`): the best frame's 468-point mesh in frame pixels, for review. */
    mesh: (sessionId: string) => t.json<{ sessionId: string; points: number; units: string; mesh: [number, number, number][] }>({ method: 'GET', path: `/v1/liveness/sessions/${enc(sessionId)}/mesh` }),
    /** `GET /v1/liveness/sessions/{id}/mesh.obj` (`liveness:read`): the same mesh as Wavefront OBJ text (vertices), for a 3D viewer. */
    meshObj: (sessionId: string) => t.text({ method: 'GET', path: `/v1/liveness/sessions/${enc(sessionId)}/mesh.obj` }),
  };
}

/** The liveness API group. */
export type LivenessApi = ReturnType<typeof livenessApi>;
