import { testDrivers } from '@authloop/store';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';
import { closeTestFaceEngine, lfwImage } from './support/faceEngine.ts';

type Check = { width: number; height: number; faceCount: number; face: { box: { x: number; y: number; width: number; height: number }; confidence: number } | null; quality: { score: number; acceptable: boolean; reasons: string[] } };
type ErrorBody = { error: { code: string; message: string } };

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

afterAll(async () => {
  await closeTestFaceEngine();
});

describe.each(testDrivers())('face quality check for camera guidance on %s', (driver) => {
  let h: Harness;
  let t: TestTenant;
  let noFaceScope: TestTenant;
  let portrait: Uint8Array;
  let farAway: Uint8Array;
  let empty: Uint8Array;

  beforeAll(async () => {
    h = await createHarness(driver, { face: true });
    t = await h.createTenant();
    noFaceScope = await h.createTenant('No face scopes', ['subjects:read']);
    portrait = lfwImage('Abdullah_Gul', 1);
    // The same face shrunk to 48 px wide in the middle of a 640×480 frame: a person too far away.
    const small = await sharp(portrait).resize(48, 48).toBuffer();
    farAway = new Uint8Array(await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 120, g: 120, b: 120 } } }).composite([{ input: small, left: 296, top: 216 }]).jpeg().toBuffer());
    empty = new Uint8Array(await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 110, b: 130 } } }).jpeg().toBuffer());
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  const check = (image: Uint8Array | string, auth = t.auth) => h.app.server.inject({ method: 'POST', url: '/v1/face/quality', headers: auth, payload: { image: typeof image === 'string' ? image : b64(image) } });

  it('finds the face of a good portrait, with its box in fractions of the image', async () => {
    const r = await check(portrait);
    expect(r.statusCode).toBe(200);
    const c = r.json<Check>();
    expect(c.faceCount).toBe(1);
    expect(c.quality.acceptable).toBe(true);
    expect(c.quality.reasons).toEqual([]);
    const box = c.face?.box;
    expect(box).toBeDefined();
    // LFW deep-funneled portraits are 250×250 with the face in the middle.
    expect((box?.x ?? 0) + (box?.width ?? 0) / 2).toBeGreaterThan(0.35);
    expect((box?.x ?? 0) + (box?.width ?? 0) / 2).toBeLessThan(0.65);
    expect(box?.width).toBeGreaterThan(0.2);
  }, 60_000);

  it('says a far-away face is too small, and an empty frame has no face', async () => {
    const far = (await check(farAway)).json<Check>();
    expect(far.quality.acceptable).toBe(false);
    if (far.face !== null) {
      expect(far.quality.reasons).toContain('FACE_TOO_SMALL');
      expect(far.face.box.width).toBeLessThan(0.15);
    } else {
      expect(far.quality.reasons).toContain('NO_FACE');
    }
    const none = (await check(empty)).json<Check>();
    expect(none.face).toBeNull();
    expect(none.faceCount).toBe(0);
    expect(none.quality.reasons).toContain('NO_FACE');
  }, 60_000);

  it('stores and audits nothing', async () => {
    const before = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1', [t.tenantId]);
    await check(portrait);
    const after = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1', [t.tenantId]);
    expect(after[0]?.n).toBe(before[0]?.n);
    const templates = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM face_templates WHERE tenant_id = $1', [t.tenantId]);
    expect(templates[0]?.n).toBe(0);
  }, 60_000);

  it('answers bad input and callers with clear errors', async () => {
    const garbage = await check(b64(new TextEncoder().encode('this is not an image at all, just text')));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json<ErrorBody>().error.code).toBe('IMAGE_UNREADABLE');
    const truncated = await check(portrait.slice(0, 600));
    expect(truncated.statusCode).toBeGreaterThanOrEqual(400);
    expect(truncated.statusCode).toBeLessThan(500);
    const missing = await h.app.server.inject({ method: 'POST', url: '/v1/face/quality', headers: t.auth, payload: {} });
    expect(missing.statusCode).toBe(400);
    expect((await h.app.server.inject({ method: 'POST', url: '/v1/face/quality', payload: { image: b64(portrait) } })).statusCode).toBe(401);
    expect((await check(portrait, noFaceScope.auth)).statusCode).toBe(403);
  }, 60_000);
});
