import type { Transport } from '../Transport.ts';
import type { FaceEnrolment, FaceIdentification, FaceQualityCheck, FaceRekey, FaceSettings, FaceStatus, FaceVerification } from '../serverTypes.ts';
import { toBase64 } from './toBase64.ts';

const enc = encodeURIComponent;
/** An image: encoded bytes (JPEG, PNG or WebP), or a base64 string. */
export type FaceImage = Uint8Array | string;
const b64 = (i: FaceImage) => (typeof i === 'string' ? i : toBase64(i));

/** Options of enrol and verify. */
export interface FaceCallOptions {
  /**
   * The `livenessToken` of a passed liveness session (`runLivenessSession`): the server spends it
   * and checks that its best frame is the same face, which binds the active liveness check to
   * this enrolment or match (answered as `liveness.source = "session"`).
   */
  readonly livenessToken?: string | undefined;
}
const withToken = (o: FaceCallOptions | undefined) => (o?.livenessToken === undefined ? {} : { livenessToken: o.livenessToken });

/** Face: enrol, verify 1:1, identify 1:N, status, erase (client tokens with `face:*` scopes). */
export function faceApi(t: Transport) {
  return {
    /** `POST /v1/subjects/{id}/face` with 1–10 images; each gets a result (accepted or why not). Replaces an earlier enrolment. */
    enrol: (subjectId: string, images: readonly FaceImage[], options?: FaceCallOptions) => t.json<FaceEnrolment>({ method: 'POST', path: `/v1/subjects/${enc(subjectId)}/face`, json: { images: images.map(b64), ...withToken(options) } }),
    /** `POST /v1/subjects/{id}/face/verify`: `{ match, score, threshold, quality, liveness, reason }`; lockout answers an error with `retryAfterS`. */
    verify: (subjectId: string, image: FaceImage, options?: FaceCallOptions) => t.json<FaceVerification>({ method: 'POST', path: `/v1/subjects/${enc(subjectId)}/face/verify`, json: { image: b64(image), ...withToken(options) } }),
    /**
     * `POST /v1/face/quality`: where the face is in one camera frame and which enrolment quality gates
     * it fails (`FACE_TOO_SMALL`, `TOO_DARK`, …), for live guidance in a preview. Nothing is stored.
     */
    checkQuality: (image: FaceImage) => t.json<FaceQualityCheck>({ method: 'POST', path: '/v1/face/quality', json: { image: b64(image) } }),
    /** `POST /v1/face/identify`: the best `topK` (default 3) candidates above the threshold. */
    identify: (image: FaceImage, topK = 3) => t.json<FaceIdentification>({ method: 'POST', path: '/v1/face/identify', json: { image: b64(image), topK } }),
    /** `GET /v1/subjects/{id}/face`: enrolment metadata and lock state. */
    status: (subjectId: string) => t.json<FaceStatus>({ method: 'GET', path: `/v1/subjects/${enc(subjectId)}/face` }),
    /** `DELETE /v1/subjects/{id}/face`: erases template, samples and keys. */
    erase: (subjectId: string) => t.text({ method: 'DELETE', path: `/v1/subjects/${enc(subjectId)}/face` }),
    /** `POST /v1/subjects/{id}/face/reenable`: an operator re-enables a disabled face factor. */
    reenable: (subjectId: string) => t.text({ method: 'POST', path: `/v1/subjects/${enc(subjectId)}/face/reenable` }),
    /** `GET /v1/face/settings`. */
    settings: () => t.json<FaceSettings>({ method: 'GET', path: '/v1/face/settings' }),
    /** `PUT /v1/face/settings`: replaces them (omitted fields take defaults). */
    updateSettings: (settings: FaceSettings) => t.json<FaceSettings>({ method: 'PUT', path: '/v1/face/settings', json: settings }),
    /** `POST /v1/face/rekey` (`tenant:admin`), after a data key rotation: re-wraps subject keys under the current tenant key and moves templates sealed by earlier versions to subject keys. */
    rekey: () => t.json<FaceRekey>({ method: 'POST', path: '/v1/face/rekey' }),
  };
}

/** The face API group. */
export type FaceApi = ReturnType<typeof faceApi>;
