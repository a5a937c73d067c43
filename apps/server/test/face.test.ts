import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import sharp from 'sharp';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';
import { clientScopes } from '../src/modules/auth/scopes.ts';
import { faceRepository } from '../src/modules/face/faceRepository.ts';
import { meanTemplate } from '../src/modules/face/templateMath.ts';
import { sealTemplate, templateAad } from '../src/modules/face/sealedTemplate.ts';
import { templateVault } from '../src/modules/face/templateVault.ts';
import { closeTestFaceEngine, lfwImage, testFaceEngine } from './support/faceEngine.ts';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Verify = { match: boolean; score: number; threshold: number; reason: string; liveness: { decision: string }; quality: { score: number } };

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const ENROL = [1, 2, 3].map((n) => lfwImage('Abdullah_Gul', n));
const SAME = lfwImage('Abdullah_Gul', 4);
const OTHER = lfwImage('Aaron_Peirsol', 1);

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0, y = b[i] ?? 0;
    d += x * y;
    na += x * x;
    nb += y * y;
  }
  return d / Math.sqrt(na * nb);
}

afterAll(async () => {
  await closeTestFaceEngine();
});

describe.each(testDrivers())('Face API on %s', (driver) => {
  let h: Harness;
  let a: TestTenant;
  let b: TestTenant;
  /** A subject with face consent (the default policy requires it before enrolment). */
  const subject = async (t: TestTenant, externalId = randomUUID()): Promise<string> => {
    const id = (await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: t.auth, payload: { externalId } })).json<{ id: string }>().id;
    await h.app.services.consent.grant(t.tenantId, id, { purpose: 'face', noticeVersion: 'v1' }, { type: 'system', id: null });
    return id;
  };
  const enrol = (t: TestTenant, id: string, images: readonly Uint8Array[]) =>
    h.app.server.inject({ method: 'POST', url: `/v1/subjects/${id}/face`, headers: t.auth, payload: { images: images.map(b64) } });
  const verify = (t: TestTenant, id: string, image: Uint8Array) => h.app.server.inject({ method: 'POST', url: `/v1/subjects/${id}/face/verify`, headers: t.auth, payload: { image: b64(image) } });

  beforeAll(async () => {
    h = await createHarness(driver, { face: true });
    a = await h.createTenant('Bank A');
    b = await h.createTenant('Bank B');
  });
  afterAll(async () => {
    await h.close();
  });

  it('enrols three photos, verifies a fourth (match) and another person (no match), reads metadata, deletes', async () => {
    const id = await subject(a);
    const res = await enrol(a, id, ENROL);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ sampleCount: number; replaced: boolean; images: { accepted: boolean }[] }>();
    expect(body).toMatchObject({ sampleCount: 3, replaced: false });
    expect(body.images.map((i) => i.accepted)).toEqual([true, true, true]);

    const same = verify(a, id, SAME);
    const same1 = await same;
    expect(same1.statusCode, same1.body).toBe(200);
    const m = same1.json<Verify>();
    expect(m).toMatchObject({ match: true, reason: 'MATCH' });
    expect(m.score).toBeGreaterThanOrEqual(m.threshold);
    expect(['live', 'spoof', 'unavailable']).toContain(m.liveness.decision);

    const other = await verify(a, id, OTHER);
    expect(other.statusCode).toBe(200);
    expect(other.json<Verify>()).toMatchObject({ match: false, reason: 'NO_MATCH' });
    expect(other.json<Verify>().score).toBeLessThan(m.score);

    const meta = await h.app.server.inject({ url: `/v1/subjects/${id}/face`, headers: a.auth });
    expect(meta.statusCode).toBe(200);
    expect(meta.json()).toMatchObject({ subjectId: id, sampleCount: 3, state: 'active' });
    expect(meta.body).not.toMatch(/vector|template/i);

    // Multipart works as well as JSON, and re-enrolment replaces the template.
    const form = new FormData();
    for (const [i, img] of ENROL.entries()) form.append('images', new Blob([Buffer.from(img)], { type: 'image/jpeg' }), `p${i}.jpg`);
    const req = new Request('http://x/', { method: 'POST', body: form });
    const multi = await h.app.server.inject({
      method: 'POST', url: `/v1/subjects/${id}/face`, headers: { ...a.auth, 'content-type': req.headers.get('content-type') ?? '' }, payload: Buffer.from(await req.arrayBuffer()),
    });
    expect(multi.statusCode, multi.body).toBe(201);
    expect(multi.json()).toMatchObject({ replaced: true, sampleCount: 3 });

    const del = await h.app.server.inject({ method: 'DELETE', url: `/v1/subjects/${id}/face`, headers: a.auth });
    expect(del.statusCode).toBe(204);
    expect(await h.db.query('SELECT 1 FROM face_templates WHERE subject_id = $1', [id])).toEqual([]);
    expect((await verify(a, id, SAME)).json<ErrorBody>().error.code).toBe('FACE_NOT_ENROLLED');
    expect((await h.app.server.inject({ url: `/v1/subjects/${id}/face`, headers: a.auth })).statusCode).toBe(404);

    const actions = await h.db.query<{ action: string; outcome: string; details: Record<string, unknown> }>(
      "SELECT action, outcome, details FROM audit_events WHERE tenant_id = $1 AND action LIKE 'face.%' ORDER BY seq",
      [a.tenantId],
    );
    expect(actions.map((r) => `${r.action}:${r.outcome}`)).toEqual(['face.enrol:success', 'face.verify:success', 'face.verify:failure', 'face.enrol:success', 'face.delete:success']);
    expect(JSON.stringify(actions)).not.toMatch(/\[(-?\d+\.\d+,){10,}/);
  });

  it('keeps the embedding magnitude: verification uses the cosine + magnitude calibration and its threshold', async () => {
    const engine = await testFaceEngine();
    const templates = await Promise.all([...ENROL, SAME].map(async (img) => (await engine.analyze(img)).template));
    const [t1, t2, t3, probe] = templates;
    if (t1 == null || t2 == null || t3 == null || probe == null) throw new Error('no template');
    const withMagnitude = probe.vectors.every((v) => v.magnitude !== undefined);
    const strip = (t: typeof probe) => ({ vectors: t.vectors.map((v) => ({ model: v.model, version: v.version, vector: v.vector })) });
    const fused = engine.compare(probe, meanTemplate([t1, t2, t3]));
    const cosineOnly = engine.compare(strip(probe), strip(meanTemplate([t1, t2, t3])));
    const id = await subject(a);
    expect((await enrol(a, id, ENROL)).statusCode).toBe(201);
    const res = await verify(a, id, SAME);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json<Verify>();
    expect(m.match).toBe(true);
    expect(m.threshold).toBeCloseTo(fused.threshold, 4);
    expect(m.score).toBeCloseTo(fused.score, 3);
    const row = await faceRepository(h.db).get(a.tenantId, id);
    if (row === null) throw new Error('no row');
    const opened = await templateVault({ tenantKeys: h.app.services.tenantKeys, subjectKeys: h.app.services.subjectKeys }).open(h.db, row);
    expect(opened.samples.map((x) => x.template.vectors[0]?.magnitude)).toEqual([t1, t2, t3].map((t) => t.vectors[0]?.magnitude));
    const other = await verify(a, id, OTHER);
    const otherProbe = (await engine.analyze(OTHER)).template;
    if (otherProbe == null) throw new Error('no template');
    expect(other.json<Verify>().score).toBeCloseTo(engine.compare(otherProbe, meanTemplate([t1, t2, t3])).score, 4);
    if (withMagnitude) {
      // The ONNX engine has both models; they must differ for this test to mean anything.
      expect(Math.abs(fused.threshold - cosineOnly.threshold) + Math.abs(fused.score - cosineOnly.score)).toBeGreaterThan(1e-4);
      expect(meanTemplate([t1, t2, t3]).vectors[0]?.magnitude).toBeCloseTo(((t1.vectors[0]?.magnitude ?? 0) + (t2.vectors[0]?.magnitude ?? 0) + (t3.vectors[0]?.magnitude ?? 0)) / 3, 4);
    }
  });

  it('keeps templates protected at rest: no stored vector matches the engine embedding, other tenants differ, rows cannot be swapped, key rotation re-keys', async () => {
    const engine = await testFaceEngine();
    const idA = await subject(a);
    const idB = await subject(b);
    expect((await enrol(a, idA, ENROL)).statusCode).toBe(201);
    expect((await enrol(b, idB, ENROL)).statusCode).toBe(201);
    const rows = await h.db.query<{ subject_id: string; v: string; sealed: Uint8Array; key_id: string }>(
      'SELECT subject_id, search_vector::text AS v, sealed, key_id FROM face_templates WHERE subject_id IN ($1, $2)',
      [idA, idB],
    );
    expect(rows).toHaveLength(2);
    const stored = new Map(rows.map((r) => [r.subject_id, JSON.parse(r.v) as number[]]));
    const embeddings = await Promise.all(ENROL.map(async (img) => (await engine.analyze(img)).template?.vectors[0]?.vector ?? new Float32Array()));
    for (const v of stored.values()) {
      for (const e of embeddings) {
        expect(v.length).toBe(e.length);
        expect(Math.abs(cosine(v, e))).toBeLessThan(0.3);
      }
    }
    for (const r of rows) {
      const blob = Buffer.from(r.sealed);
      for (const e of embeddings) expect(blob.includes(Buffer.from(e.buffer, e.byteOffset, 32))).toBe(false);
      expect(blob.toString('latin1')).not.toContain(Buffer.from(e0(embeddings)).toString('base64').slice(0, 16));
    }
    // The same person in two tenants: unlinkable by their stored vectors.
    expect(Math.abs(cosine(stored.get(idA) ?? [], stored.get(idB) ?? []))).toBeLessThan(0.3);

    // A sealed template moved to another row does not open (AAD binds tenant, subject and row).
    const other = await subject(a);
    expect((await enrol(a, other, ENROL)).statusCode).toBe(201);
    const sealedA = rows.find((r) => r.subject_id === idA)?.sealed;
    await h.db.query('UPDATE face_templates SET sealed = $1 WHERE subject_id = $2', [sealedA, other]);
    h.app.server.log.level = 'silent';
    expect((await verify(a, other, SAME)).statusCode).toBe(500);

    // Each template is sealed under its subject's own key (crypto-shredding on erasure).
    await h.db.query('DELETE FROM face_templates WHERE subject_id = $1', [other]);
    const subjectKeyOf = async (id: string) => (await h.app.services.subjectKeys.existing(a.tenantId, id))?.keyId;
    expect(rows.find((r) => r.subject_id === idA)?.key_id).toBe(await subjectKeyOf(idA));
    expect(rows.every((r) => r.key_id.startsWith('sk_'))).toBe(true);

    // A template sealed by an earlier version directly under the tenant key still opens, and re-keying moves it to the subject key.
    const vault = templateVault({ tenantKeys: h.app.services.tenantKeys, subjectKeys: h.app.services.subjectKeys });
    const rowA = await faceRepository(h.db).get(a.tenantId, idA);
    if (rowA === null) throw new Error('no row');
    const tenantKey = await h.app.services.tenantKeys.current(a.tenantId);
    const legacy = sealTemplate(tenantKey.key, await vault.open(h.db, rowA), templateAad(a.tenantId, idA, rowA.id));
    await h.db.query('UPDATE face_templates SET key_id = $1, sealed = $2 WHERE subject_id = $3', [tenantKey.keyId, legacy, idA]);
    expect((await verify(a, idA, SAME)).json<Verify>().match).toBe(true);

    // Rotating the tenant data key and re-keying: the legacy template moves to its subject key and
    // every subject key is re-wrapped under the new tenant key; verification still works.
    const newKey = await h.app.services.tenantKeys.create(a.tenantId);
    expect(newKey).not.toBe(tenantKey.keyId);
    const rekey = await h.app.server.inject({ method: 'POST', url: '/v1/face/rekey', headers: a.auth });
    expect(rekey.statusCode, rekey.body).toBe(200);
    expect(rekey.json<{ rekeyed: number; keyId: string }>()).toMatchObject({ keyId: newKey });
    expect(rekey.json<{ rekeyed: number }>().rekeyed).toBeGreaterThanOrEqual(2);
    const keyIds = await h.db.query<{ key_id: string }>('SELECT DISTINCT key_id FROM face_templates WHERE tenant_id = $1', [a.tenantId]);
    expect(keyIds.every((k) => k.key_id.startsWith('sk_'))).toBe(true);
    const wrapping = await h.db.query<{ tenant_key_id: string }>('SELECT DISTINCT tenant_key_id FROM subject_keys WHERE tenant_id = $1', [a.tenantId]);
    expect(wrapping.map((w) => w.tenant_key_id)).toEqual([newKey]);
    expect((await verify(a, idA, SAME)).json<Verify>().match).toBe(true);
    // A second run has nothing left to do.
    expect((await h.app.server.inject({ method: 'POST', url: '/v1/face/rekey', headers: a.auth })).json<{ rekeyed: number }>().rekeyed).toBe(0);

    // Erasure destroys the subject key: a copy of the row taken before (a backup) no longer opens.
    const backup = await faceRepository(h.db).get(a.tenantId, idA);
    if (backup === null) throw new Error('no row');
    expect((await h.app.server.inject({ method: 'POST', url: `/v1/subjects/${idA}/erasure`, headers: a.auth })).statusCode).toBe(200);
    await expect(vault.open(h.db, backup)).rejects.toThrow(/no longer exists/);
  });

  it('documents the face endpoints and their error codes in OpenAPI', async () => {
    const res = await h.app.server.inject('/docs/json');
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const doc = res.json<{ paths: Record<string, unknown>; info: { description: string } }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/subjects/{subjectId}/face', '/v1/subjects/{subjectId}/face/verify', '/v1/face/identify', '/v1/subjects/{subjectId}/face/reenable', '/v1/face/settings', '/v1/face/rekey']),
    );
    for (const code of ['FACE_NOT_ENROLLED', 'FACE_ENROLMENT_REJECTED', 'FACE_NOT_DETECTED', 'FACE_MULTIPLE_FACES', 'FACE_LOCKED', 'FACE_DISABLED', 'INVALID_BASE64', 'TOO_MANY_IMAGES']) {
      expect(doc.info.description).toContain(code);
    }
  });

  it('refuses a re-enrolment that fails the gates and keeps the old template', async () => {
    const id = await subject(a);
    expect((await enrol(a, id, ENROL)).statusCode).toBe(201);
    const [before] = await h.db.query<{ id: string }>('SELECT id FROM face_templates WHERE subject_id = $1', [id]);
    const bad = await enrol(a, id, [ENROL[0] ?? SAME, ENROL[0] ?? SAME, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])]);
    expect(bad.statusCode).toBe(422);
    const err = bad.json<ErrorBody>().error;
    expect(err.code).toBe('FACE_ENROLMENT_REJECTED');
    const images = (err.details?.['images'] ?? []) as { accepted: boolean; reasons: string[] }[];
    expect(images.map((i) => i.accepted)).toEqual([true, false, false]);
    expect(images[1]?.reasons).toContain('DUPLICATE_IMAGE');
    expect(images[2]?.reasons).toContain('IMAGE_UNREADABLE');
    const [after] = await h.db.query<{ id: string }>('SELECT id FROM face_templates WHERE subject_id = $1', [id]);
    expect(after?.id).toBe(before?.id);
  });

  it('answers bad input with documented 4xx codes', async () => {
    const id = await subject(a);
    const blank = new Uint8Array(await sharp({ create: { width: 320, height: 320, channels: 3, background: { r: 128, g: 140, b: 150 } } }).jpeg().toBuffer());
    const two = new Uint8Array(
      await sharp({ create: { width: 500, height: 250, channels: 3, background: { r: 0, g: 0, b: 0 } } })
        .composite([{ input: Buffer.from(SAME), left: 0, top: 0 }, { input: Buffer.from(OTHER), left: 250, top: 0 }])
        .jpeg()
        .toBuffer(),
    );
    expect((await enrol(a, id, ENROL)).statusCode).toBe(201);
    const code = async (res: Promise<{ statusCode: number; json: <T>() => T }>): Promise<[number, string]> => {
      const r = await res;
      return [r.statusCode, r.json<ErrorBody>().error.code];
    };
    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => h.app.server.inject({ method: 'POST', url, headers: { ...a.auth, ...headers }, payload: payload as string });
    expect(await code(verify(a, randomUUID(), SAME))).toEqual([404, 'SUBJECT_NOT_FOUND']);
    expect(await code(verify(b, id, SAME))).toEqual([404, 'SUBJECT_NOT_FOUND']);
    expect(await code(enrol(b, id, ENROL))).toEqual([404, 'SUBJECT_NOT_FOUND']);
    expect(await code(verify(a, id, blank))).toEqual([422, 'FACE_NOT_DETECTED']);
    expect(await code(verify(a, id, two))).toEqual([422, 'FACE_MULTIPLE_FACES']);
    expect(await code(verify(a, id, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70])))).toEqual([400, 'IMAGE_UNREADABLE']);
    expect(await code(post(`/v1/subjects/${id}/face/verify`, { image: 'not base64!' }))).toEqual([400, 'INVALID_BASE64']);
    expect(await code(post(`/v1/subjects/${id}/face/verify`, { image: b64(new Uint8Array(6 * 1024 * 1024)) }))).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await code(post(`/v1/subjects/${id}/face`, { images: Array.from({ length: 11 }, () => b64(SAME)) }))).toEqual([400, 'TOO_MANY_IMAGES']);
    expect(await code(post(`/v1/subjects/${id}/face`, { images: [] }))).toEqual([400, 'INVALID_FIELD']);
    expect(await code(post(`/v1/subjects/${id}/face/verify`, 'hello', { 'content-type': 'text/plain' }))).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(await code(post('/v1/face/identify', { image: b64(SAME), topK: 0 }))).toEqual([400, 'INVALID_FIELD']);
    const form = new FormData();
    for (let i = 0; i < 11; i++) form.append('images', new Blob([Buffer.from(SAME)], { type: 'image/jpeg' }), `${i}.jpg`);
    const req = new Request('http://x/', { method: 'POST', body: form });
    expect(await code(post(`/v1/subjects/${id}/face`, Buffer.from(await req.arrayBuffer()), { 'content-type': req.headers.get('content-type') ?? '' }))).toEqual([400, 'TOO_MANY_IMAGES']);
    const big = new FormData();
    big.append('image', new Blob([new Uint8Array(6 * 1024 * 1024)], { type: 'image/jpeg' }), 'big.jpg');
    const bigReq = new Request('http://x/', { method: 'POST', body: big });
    expect(await code(post(`/v1/subjects/${id}/face/verify`, Buffer.from(await bigReq.arrayBuffer()), { 'content-type': bigReq.headers.get('content-type') ?? '' }))).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const noScope = await h.createTenant('Bank A reader', ['subjects:read']);
    expect(await code(h.app.server.inject({ method: 'POST', url: `/v1/subjects/${id}/face/verify`, headers: noScope.auth, payload: { image: b64(SAME) } }))).toEqual([403, 'INSUFFICIENT_SCOPE']);
    // None of these failures counted as a failed verification.
    expect((await h.app.server.inject({ url: `/v1/subjects/${id}/face`, headers: a.auth })).json()).toMatchObject({ state: 'active' });
  });

  it('refreshes the template adaptively only when the tenant enables it', async () => {
    const id = await subject(a);
    expect((await enrol(a, id, ENROL)).statusCode).toBe(201);
    expect((await verify(a, id, SAME)).json<Verify>().match).toBe(true);
    const count = async () => (await h.app.server.inject({ url: `/v1/subjects/${id}/face`, headers: a.auth })).json<{ sampleCount: number }>().sampleCount;
    expect(await count()).toBe(3);
    const put = await h.app.server.inject({ method: 'PUT', url: '/v1/face/settings', headers: a.auth, payload: { adaptive: { enabled: true, requireLive: false, minQuality: 0, minScoreMargin: 0, maxSamples: 1 } } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await verify(a, id, SAME)).json<Verify>().match).toBe(true);
    expect(await count()).toBe(4);
    const samples = async () => (await h.app.server.inject({ url: `/v1/subjects/${id}/face`, headers: a.auth })).json<{ samples: { source: string; addedAt: string }[] }>().samples;
    const firstAdaptive = (await samples()).at(-1)?.addedAt;
    h.clock.advance(1000);
    expect((await verify(a, id, SAME)).json<Verify>().match).toBe(true);
    // Bounded: the newest adaptive sample replaced the older one; the enrolment samples stay.
    const after = await samples();
    expect(after.map((s) => s.source)).toEqual(['enrol', 'enrol', 'enrol', 'adaptive']);
    expect(after.at(-1)?.addedAt).not.toBe(firstAdaptive);
    await h.app.server.inject({ method: 'PUT', url: '/v1/face/settings', headers: a.auth, payload: {} });
  });
  it('throttles failed verifications: delay from the 5th, Retry-After, disabled at 50 until re-enabled', async () => {
    // Runs last: it moves the manual clock by days, so tokens are re-issued as it goes.
    let t = await h.createTenant('Bank T');
    const refresh = async (): Promise<void> => {
      const issued = await h.app.services.tokens.issue({ kind: 'client', tenantId: t.tenantId, id: t.clientId, scopes: new Set(clientScopes) });
      t = { ...t, token: issued.accessToken, auth: { authorization: `Bearer ${issued.accessToken}` } };
    };
    const id = await subject(t);
    expect((await enrol(t, id, ENROL)).statusCode).toBe(201);
    for (let i = 0; i < 5; i++) expect((await verify(t, id, OTHER)).json<Verify>().match).toBe(false);
    const locked = await verify(t, id, SAME);
    expect(locked.statusCode).toBe(429);
    expect(locked.json<ErrorBody>().error.code).toBe('FACE_LOCKED');
    expect(locked.headers['retry-after']).toBe('30');
    expect(locked.body).not.toMatch(/score|failures/);
    h.clock.advance(30_000);
    await refresh();
    expect((await verify(t, id, OTHER)).json<Verify>().match).toBe(false);
    expect((await verify(t, id, SAME)).headers['retry-after']).toBe('60');
    // A success after the delay clears the count.
    h.clock.advance(60_000);
    await refresh();
    expect((await verify(t, id, SAME)).json<Verify>().match).toBe(true);
    expect((await verify(t, id, OTHER)).statusCode).toBe(200);

    // 50 consecutive failures disable the factor.
    for (let i = 1; i < 50; i++) {
      h.clock.advance(3_600_000);
      await refresh();
      const r = await verify(t, id, OTHER);
      expect(r.statusCode, `attempt ${i + 1}`).toBe(200);
    }
    h.clock.advance(3_600_000);
    await refresh();
    const disabled = await verify(t, id, SAME);
    expect(disabled.statusCode).toBe(423);
    expect(disabled.json<ErrorBody>().error.code).toBe('FACE_DISABLED');
    expect((await h.app.server.inject({ url: `/v1/subjects/${id}/face`, headers: t.auth })).json()).toMatchObject({ state: 'disabled' });

    const limited = await h.createTenant('Bank T app', ['face:verify']);
    const noScope = await h.app.server.inject({ method: 'POST', url: `/v1/subjects/${id}/face/reenable`, headers: limited.auth });
    expect(noScope.statusCode).toBe(403);
    const re = await h.app.server.inject({ method: 'POST', url: `/v1/subjects/${id}/face/reenable`, headers: t.auth });
    expect(re.statusCode).toBe(204);
    expect((await verify(t, id, SAME)).json<Verify>().match).toBe(true);
  });

});

function e0(list: readonly Float32Array[]): Uint8Array {
  const v = list[0] ?? new Float32Array();
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}
