import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/createServices.ts';
import { AppError } from '../../errors/AppError.ts';
import { errorResponses } from '../../errors/errorResponses.ts';
import { principalOf } from '../../plugins/authentication.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import { subjectIdParams } from '../subjects/schema.ts';
import { decodeBase64Image, DEFAULT_IMAGE_LIMITS, jsonBodyLimit, readMultipartImages } from './readImages.ts';
import type { ImageLimits } from './readImages.ts';
import type { FaceChecks } from './faceChecks.ts';
import { enrolJsonBody, enrolResponse, faceSettingsSchema, identifyJsonBody, identifyResponse, qualityCheckJsonBody, qualityCheckResponse, livenessTokenText, rekeyResponse, statusResponse, topKField, verifyJsonBody, verifyResponse } from './schema.ts';

const actorOf = (request: FastifyRequest): AuditActor => {
  const p = principalOf(request);
  return { type: p.kind, id: p.id };
};

/**
 * The Face API: enrol, verify 1:1, identify 1:N, erase, read enrolment metadata; tenant face
 * settings, re-enabling a disabled factor and re-keying templates for tenant admins. Images come
 * as multipart/form-data or as base64 in JSON.
 */
export function faceRoutes({ services, limits = DEFAULT_IMAGE_LIMITS }: { services: Services; limits?: ImageLimits }): FastifyPluginAsyncZod {
  const { maxImageBytes, maxImages } = limits;
  const checks: FaceChecks = { liveness: services.liveness, consent: services.consent };
  /** The optional liveness token: the JSON field, or the multipart text field. */
  const livenessTokenOf = (json: string | undefined, fields: Readonly<Record<string, string>>): string | undefined => {
    const text = fields['livenessToken'];
    if (text === undefined) return json;
    const parsed = livenessTokenText.safeParse(text);
    if (!parsed.success) throw new AppError('INVALID_FIELD', 'livenessToken must be a token of up to 4096 characters.');
    return parsed.data;
  };
  const one = async (request: FastifyRequest, jsonImage: string | undefined, textFields: readonly string[] = []) => {
    if (request.isMultipart()) {
      const { images, fields } = await readMultipartImages(request, { fileField: 'image', maxFiles: 1, maxImageBytes, textFields });
      const image = images[0];
      if (image === undefined) throw new AppError('MISSING_FIELD', 'Send one image file in the field "image".');
      return { image, fields };
    }
    if (jsonImage === undefined) throw new AppError('MISSING_FIELD', 'Missing required field in body: image.');
    return { image: decodeBase64Image(jsonImage, 'image', maxImageBytes), fields: {} };
  };

  return async (app) => {
    await app.register(multipart, { limits: { fileSize: maxImageBytes, files: maxImages } });

    app.post(
      '/v1/subjects/:subjectId/face',
      {
        bodyLimit: jsonBodyLimit(limits, maxImages),
        config: { auth: { scopes: ['face:enrol'], kinds: ['client'] } },
        schema: {
          tags: ['face'],
          summary: 'Enrol (or re-enrol) a face from 1–10 images',
          description: 'Each image is quality-checked; the answer lists per-image results. Fewer accepted images than the tenant minimum (default 3) → 422 FACE_ENROLMENT_REJECTED with the per-image reasons in details.images. Re-enrolment replaces the template atomically. An optional livenessToken (a passed liveness session of this subject or of none, same face as the accepted images) is spent before storing and reported as liveness.source = session; its refusals answer LIVENESS_TOKEN_INVALID/_EXPIRED (401), _REUSED (409), _FACE_MISMATCH/_SUBJECT_MISMATCH (403). Without a token no liveness is required at enrolment (images whose passive PAD says spoof are refused). 403 CONSENT_REQUIRED when the tenant policy requires face consent and the subject has none.',
          security: [{ bearer: [] }],
          params: subjectIdParams,
          body: enrolJsonBody.nullish(),
          response: { 201: enrolResponse, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 503) },
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        let images: Uint8Array[];
        let fields: Readonly<Record<string, string>> = {};
        if (request.isMultipart()) {
          ({ images, fields } = await readMultipartImages(request, { fileField: 'images', maxFiles: maxImages, maxImageBytes, textFields: ['livenessToken'] }));
        } else {
          const list = request.body?.images;
          if (list === undefined) throw new AppError('MISSING_FIELD', 'Missing required field in body: images.');
          if (list.length > maxImages) throw new AppError('TOO_MANY_IMAGES', `Send at most ${maxImages} images.`, { details: { max: maxImages } });
          images = list.map((s, i) => decodeBase64Image(s, `images.${i}`, maxImageBytes));
        }
        if (images.length === 0) throw new AppError('MISSING_FIELD', 'Send at least one image.');
        const livenessToken = livenessTokenOf(request.body?.livenessToken, fields);
        const r = await services.face.enrol(p.tenantId, request.params.subjectId, images, actorOf(request), { livenessToken, checks });
        return reply.status(201).send({ ...r, enrolledAt: r.enrolledAt.toISOString(), images: [...r.images].map((i) => ({ ...i, reasons: [...i.reasons] })) });
      },
    );

    app.post(
      '/v1/subjects/:subjectId/face/verify',
      {
        bodyLimit: jsonBodyLimit(limits, 1),
        config: { auth: { scopes: ['face:verify'], kinds: ['client'] } },
        schema: {
          tags: ['face'],
          summary: 'Verify one image against the subject (1:1)',
          description: 'A non-match is a normal 200 answer. After 5 consecutive failures (10 when the tenant requires liveness) each attempt waits (429 FACE_LOCKED with Retry-After, from 30 s, doubling); after 50 (100) the factor is disabled (423 FACE_DISABLED) until re-enabled. An optional livenessToken (a passed liveness session of this subject or of none, whose best frame is the same face as the image) is spent before the match and answers liveness.decision = live, source = session; refusals answer LIVENESS_TOKEN_INVALID/_EXPIRED (401), _REUSED (409), _FACE_MISMATCH/_SUBJECT_MISMATCH (403). Without a token, a tenant whose face settings require liveness still needs a live passive-PAD decision on the image (reason LIVENESS_NOT_CONFIRMED otherwise); the token satisfies that requirement.',
          security: [{ bearer: [] }],
          params: subjectIdParams,
          body: verifyJsonBody.nullish(),
          response: { 200: verifyResponse, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 423, 429, 503) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const { image, fields } = await one(request, request.body?.image, ['livenessToken']);
        const livenessToken = livenessTokenOf(request.body?.livenessToken, fields);
        return services.face.verify(p.tenantId, request.params.subjectId, image, actorOf(request), { livenessToken, checks });
      },
    );

    app.post(
      '/v1/face/quality',
      {
        bodyLimit: jsonBodyLimit(limits, 1),
        config: { auth: { scopes: ['face:enrol', 'face:verify'], kinds: ['client'] } },
        schema: {
          tags: ['face'],
          summary: 'Measure one camera frame: the face box and the enrolment quality gates, for live guidance',
          description: 'Runs the detector and quality gates enrolment uses (reasons such as FACE_TOO_SMALL, TOO_DARK, BLURRED, HEAD_TURNED, MULTIPLE_FACES, NO_FACE) and answers where the main face is, so a camera preview can draw the box and say what to fix before pictures are sent. Nothing is stored or audited and no template is returned; passive PAD is not run.',
          security: [{ bearer: [] }],
          body: qualityCheckJsonBody.nullish(),
          response: { 200: qualityCheckResponse, ...errorResponses(400, 401, 403, 413, 415, 422, 503) },
        },
      },
      async (request) => {
        const { image } = await one(request, request.body?.image, []);
        const r = await services.face.checkQuality(image);
        return { ...r, quality: { ...r.quality, reasons: [...r.quality.reasons] } };
      },
    );

    app.post(
      '/v1/face/identify',
      {
        bodyLimit: jsonBodyLimit(limits, 1),
        config: { auth: { scopes: ['face:identify'], kinds: ['client'] } },
        schema: {
          tags: ['face'],
          summary: "Identify one image among the tenant's enrolled subjects (1:N)",
          security: [{ bearer: [] }],
          body: identifyJsonBody.nullish(),
          response: { 200: identifyResponse, ...errorResponses(400, 401, 403, 413, 415, 422, 503) },
        },
      },
      async (request) => {
        const p = principalOf(request);
        const { image, fields } = await one(request, request.body?.image, ['topK']);
        let topK = request.body?.topK ?? 3;
        if (fields['topK'] !== undefined) {
          const parsed = topKField.safeParse(fields['topK']);
          if (!parsed.success) throw new AppError('INVALID_FIELD', 'topK must be an integer from 1 to 20.');
          topK = parsed.data;
        }
        const r = await services.face.identify(p.tenantId, image, topK, actorOf(request));
        return { ...r, candidates: [...r.candidates] };
      },
    );

    app.get(
      '/v1/subjects/:subjectId/face',
      {
        config: { auth: { scopes: ['face:enrol', 'face:verify', 'face:delete'], kinds: ['client', 'operator'] } },
        schema: { tags: ['face'], summary: 'Enrolment metadata and lockout state (never the template)', security: [{ bearer: [] }], params: subjectIdParams, response: { 200: statusResponse, ...errorResponses(400, 401, 403, 404) } },
      },
      async (request) => {
        const s = await services.face.status(principalOf(request).tenantId, request.params.subjectId);
        return { ...s, enrolledAt: s.enrolledAt.toISOString(), updatedAt: s.updatedAt.toISOString(), samples: [...s.samples] };
      },
    );

    app.delete(
      '/v1/subjects/:subjectId/face',
      {
        config: { auth: { scopes: ['face:delete'], kinds: ['client', 'operator'] } },
        schema: { tags: ['face'], summary: "Erase the subject's face template and samples", security: [{ bearer: [] }], params: subjectIdParams, response: { 204: z.null().describe('No content'), ...errorResponses(400, 401, 403, 404) } },
      },
      async (request, reply) => {
        await services.face.remove(principalOf(request).tenantId, request.params.subjectId, actorOf(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/v1/subjects/:subjectId/face/reenable',
      {
        config: { auth: { scopes: ['tenant:admin'], kinds: ['client', 'operator'] } },
        schema: { tags: ['face'], summary: 'Re-enable a face factor disabled (or delayed) by failed attempts', security: [{ bearer: [] }], params: subjectIdParams, response: { 204: z.null().describe('No content'), ...errorResponses(400, 401, 403, 404) } },
      },
      async (request, reply) => {
        await services.face.reenable(principalOf(request).tenantId, request.params.subjectId, actorOf(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/v1/face/settings',
      {
        config: { auth: { scopes: ['tenant:admin'], kinds: ['client', 'operator'] } },
        schema: { tags: ['face'], summary: "The tenant's face settings", security: [{ bearer: [] }], response: { 200: faceSettingsSchema, ...errorResponses(401, 403) } },
      },
      async (request) => services.face.settings(principalOf(request).tenantId),
    );

    app.put(
      '/v1/face/settings',
      {
        config: { auth: { scopes: ['tenant:admin'], kinds: ['client', 'operator'] } },
        schema: { tags: ['face'], summary: "Replace the tenant's face settings (omitted fields take their defaults)", security: [{ bearer: [] }], body: faceSettingsSchema, response: { 200: faceSettingsSchema, ...errorResponses(400, 401, 403) } },
      },
      async (request) => services.face.updateSettings(principalOf(request).tenantId, request.body, actorOf(request)),
    );

    app.post(
      '/v1/face/rekey',
      {
        config: { auth: { scopes: ['tenant:admin'], kinds: ['client', 'operator'] } },
        schema: { tags: ['face'], summary: "After a data key rotation: re-wrap subject keys under the tenant's current data key and move templates sealed by earlier versions to subject keys", security: [{ bearer: [] }], response: { 200: rekeyResponse, ...errorResponses(401, 403) } },
      },
      async (request) => services.face.rekey(principalOf(request).tenantId, actorOf(request)),
    );
  };
}
