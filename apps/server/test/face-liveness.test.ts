import { randomUUID } from 'node:crypto';
import type { FaceEngine } from '@authloop/engine';
import type { LivenessVerdict } from '@authloop/engine/liveness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';
import { defaultPolicy } from '../src/modules/policy/policySchema.ts';
import { closeTestFaceEngine, lfwImage } from './support/faceEngine.ts';

type ErrorBody = { error: { code: string } };
type Verify = { match: boolean; reason: string; liveness: { decision: string; source: string; sessionId?: string } };

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const ENROL = [1, 2, 3].map((n) => lfwImage('Abdullah_Gul', n));
const SAME = lfwImage('Abdullah_Gul', 4);
const OTHER = lfwImage('Aaron_Peirsol', 1);
const system = { type: 'system', id: null } as const;

/** A passed verdict as the stream would produce it (the analysis itself is tested in liveness.test.ts). */
const passed: LivenessVerdict = {
  passed: true,
  reasons: [],
  scores: { pad: 0.97, padFrames: 8, screen: 0.1, moire: 0.1, bezel: 0, glare: 0, planar: 0.78, motionDeg: 24, depth: 0.3, sameFace: 0.8, multiFaceShare: 0, frames: 40, faceFrames: 40 },
  challenges: [],
  best: null,
};

/**
 * `livenessToken` on face verify and enrol, and consent before enrolment. Tokens are minted through
 * the liveness service's own create → start → complete path (as in transactions.face.test.ts) with
 * the best frame's template made by the real face engine from an LFW photo.
 */
describe('face verify/enrol with liveness tokens and consent (embedded database, real face engine)', () => {
  let h: Harness;
  let a: TestTenant;
  let b: TestTenant;
  let engine: FaceEngine;

  const bare = async (t: TestTenant): Promise<string> =>
    (await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: t.auth, payload: { externalId: randomUUID() } })).json<{ id: string }>().id;
  /** A subject with face consent (the default policy requires it before enrolment). */
  const subject = async (t: TestTenant): Promise<string> => {
    const id = await bare(t);
    await h.app.services.consent.grant(t.tenantId, id, { purpose: 'face', noticeVersion: 'v1' }, system);
    return id;
  };
  const enrol = (t: TestTenant, id: string, extra: Record<string, unknown> = {}) =>
    h.app.server.inject({ method: 'POST', url: `/v1/subjects/${id}/face`, headers: t.auth, payload: { images: ENROL.map(b64), ...extra } });
  const verify = (t: TestTenant, id: string, image: Uint8Array, livenessToken?: string) =>
    h.app.server.inject({ method: 'POST', url: `/v1/subjects/${id}/face/verify`, headers: t.auth, payload: { image: b64(image), ...(livenessToken === undefined ? {} : { livenessToken }) } });

  /** A liveness token of a session for `subjectId` (null: none) whose best frame is `image`. */
  async function mint(tenantId: string, subjectId: string | null, image: Uint8Array): Promise<string> {
    const template = (await engine.analyze(image)).template;
    if (template === null) throw new Error('no face in the test image');
    const { session } = await h.app.services.liveness.create(tenantId, system, subjectId === null ? {} : { subjectId });
    await h.app.services.liveness.start(session);
    const { token } = await h.app.services.liveness.complete(session, passed, template, system);
    if (token === null) throw new Error('no token');
    return token;
  }

  beforeAll(async () => {
    h = await createHarness('pglite', { face: true });
    const e = h.app.services.liveness.engine;
    if (e === undefined) throw new Error('no face engine');
    engine = e;
    a = await h.createTenant('Bank A');
    b = await h.createTenant('Bank B');
  }, 180_000);
  afterAll(async () => {
    await h.close();
    await closeTestFaceEngine();
  });

  it('verify spends a liveness token of the same face and reports the session; refuses reuse, another face, tenant or subject, and expiry', async () => {
    const id = await subject(a);
    expect((await enrol(a, id)).statusCode).toBe(201);

    const token = await mint(a.tenantId, id, SAME);
    const ok = await verify(a, id, SAME, token);
    expect(ok.statusCode, ok.body).toBe(200);
    const body = ok.json<Verify>();
    expect(body).toMatchObject({ match: true, reason: 'MATCH', liveness: { decision: 'live', source: 'session' } });
    expect(body.liveness.sessionId).toMatch(/^[0-9a-f-]{36}$/);

    const again = await verify(a, id, SAME, token);
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('LIVENESS_TOKEN_REUSED');

    const otherFace = await verify(a, id, SAME, await mint(a.tenantId, id, OTHER));
    expect(otherFace.statusCode).toBe(403);
    expect(otherFace.json<ErrorBody>().error.code).toBe('LIVENESS_TOKEN_FACE_MISMATCH');

    const idB = await subject(b);
    expect((await enrol(b, idB)).statusCode).toBe(201);
    const otherTenant = await verify(b, idB, SAME, await mint(a.tenantId, null, SAME));
    expect(otherTenant.statusCode).toBe(401);
    expect(otherTenant.json<ErrorBody>().error.code).toBe('LIVENESS_TOKEN_INVALID');

    const otherSubject = await verify(a, id, SAME, await mint(a.tenantId, await subject(a), SAME));
    expect(otherSubject.statusCode).toBe(403);
    expect(otherSubject.json<ErrorBody>().error.code).toBe('LIVENESS_TOKEN_SUBJECT_MISMATCH');

    const late = await mint(a.tenantId, id, SAME);
    h.clock.advance(121_000);
    const expired = await verify(a, id, SAME, late);
    expect(expired.statusCode).toBe(401);
    expect(expired.json<ErrorBody>().error.code).toBe('LIVENESS_TOKEN_EXPIRED');

    // Without a token the answer says the liveness came from passive PAD.
    expect((await verify(a, id, SAME)).json<Verify>().liveness.source).toBe('pad');
    const audit = await h.db.query<{ outcome: string; details: Record<string, unknown> }>("SELECT outcome, details FROM audit_events WHERE tenant_id = $1 AND action = 'face.verify' ORDER BY seq", [a.tenantId]);
    expect(audit[0]).toMatchObject({ outcome: 'success', details: { livenessSource: 'session', livenessSessionId: body.liveness.sessionId } });
    expect(audit.filter((r) => r.outcome === 'denied').map((r) => r.details['code'])).toEqual(['LIVENESS_TOKEN_REUSED', 'LIVENESS_TOKEN_FACE_MISMATCH', 'LIVENESS_TOKEN_SUBJECT_MISMATCH', 'LIVENESS_TOKEN_EXPIRED']);
  });

  it('a token satisfies a tenant that requires liveness (multipart too); without one passive PAD must still pass', async () => {
    const t = await h.createTenant('Bank L');
    await h.app.services.face.updateSettings(t.tenantId, { livenessRequired: true }, system);
    const id = await subject(t);
    expect((await enrol(t, id)).statusCode).toBe(201);
    const plain = (await verify(t, id, SAME)).json<Verify>();
    expect(plain.liveness.source).toBe('pad');
    if (plain.liveness.decision !== 'live') expect(plain).toMatchObject({ match: false, reason: 'LIVENESS_NOT_CONFIRMED' });

    const form = new FormData();
    form.append('image', new Blob([Buffer.from(SAME)], { type: 'image/jpeg' }), 'p.jpg');
    form.append('livenessToken', await mint(t.tenantId, id, SAME));
    const req = new Request('http://x/', { method: 'POST', body: form });
    const res = await h.app.server.inject({
      method: 'POST', url: `/v1/subjects/${id}/face/verify`, headers: { ...t.auth, 'content-type': req.headers.get('content-type') ?? '' }, payload: Buffer.from(await req.arrayBuffer()),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Verify>()).toMatchObject({ match: true, reason: 'MATCH', liveness: { decision: 'live', source: 'session' } });
  });

  it('enrol spends a liveness token of the same face (session without subject) and refuses another face without storing anything', async () => {
    const id = await subject(a);
    const wrong = await enrol(a, id, { livenessToken: await mint(a.tenantId, null, OTHER) });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json<ErrorBody>().error.code).toBe('LIVENESS_TOKEN_FACE_MISMATCH');
    expect(await h.db.query('SELECT 1 FROM face_templates WHERE subject_id = $1', [id])).toEqual([]);

    const res = await enrol(a, id, { livenessToken: await mint(a.tenantId, null, SAME) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ sampleCount: 3, liveness: { decision: 'live', source: 'session' } });
    expect((await enrol(a, id)).json()).not.toHaveProperty('liveness');
  });

  it('enrolment needs face consent when the policy requires it (the default policy does), and not when it does not', async () => {
    const c = await h.createTenant('Bank C');
    const id = await bare(c);
    const refused = await enrol(c, id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().error.code).toBe('CONSENT_REQUIRED');
    expect(await h.db.query('SELECT 1 FROM face_templates WHERE subject_id = $1', [id])).toEqual([]);
    // Refused before the token is spent: the same token works once consent is recorded.
    const token = await mint(c.tenantId, id, SAME);
    expect((await enrol(c, id, { livenessToken: token })).json<ErrorBody>().error.code).toBe('CONSENT_REQUIRED');
    await h.app.services.consent.grant(c.tenantId, id, { purpose: 'face', noticeVersion: 'v1' }, system);
    const ok = await enrol(c, id, { livenessToken: token });
    expect(ok.statusCode, ok.body).toBe(201);
    const audit = await h.db.query<{ outcome: string; details: Record<string, unknown> }>("SELECT outcome, details FROM audit_events WHERE tenant_id = $1 AND action = 'face.enrol' ORDER BY seq", [c.tenantId]);
    expect(audit.map((r) => `${r.outcome}:${typeof r.details['code'] === 'string' ? r.details['code'] : ''}`)).toEqual(['denied:CONSENT_REQUIRED', 'denied:CONSENT_REQUIRED', 'success:']);

    // A withdrawn consent stops the next enrolment.
    await h.app.services.consent.withdraw(c.tenantId, id, 'face', system);
    expect((await enrol(c, id)).json<ErrorBody>().error.code).toBe('CONSENT_REQUIRED');

    // A tenant whose policy does not list face enrols without consent.
    const open = await h.createTenant('Bank Open');
    await h.app.services.policy.set(open.tenantId, { ...defaultPolicy, privacy: { consentRequiredFor: [], retentionDays: null } }, system);
    const free = await bare(open);
    const res = await enrol(open, free);
    expect(res.statusCode, res.body).toBe(201);
  });
});
