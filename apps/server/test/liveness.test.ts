import path from 'node:path';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLivenessAnalyzerPool } from '@authloop/engine/liveness';
import type { LivenessAnalyzerPool } from '@authloop/engine/liveness';
import { decodeClip } from '../../../bench/liveness/decodeClip.ts';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';
import { isType, streamClient } from './support/livenessStream.ts';
import type { StreamClient } from './support/livenessStream.ts';

// Real video: the first 1.3 s of real/blink_male_selfie_repeating.mp4 (a deliberate blink at ≈0.5 s),
// streamed at the clip's own rate as JPEG frames; MiniFASNet PAD from ../shared/data/models.
const SHARED = path.resolve(import.meta.dirname, '../../../../shared/data');
const MODELS = path.join(SHARED, 'models');
const CLIP = path.join(SHARED, 'video/real/blink_male_selfie_repeating.mp4');

interface Frame { readonly jpeg: Uint8Array; readonly dtMs: number }

async function clipFrames(file: string, untilMs: number): Promise<Frame[]> {
  const decoded = (await decodeClip(file)).filter((f) => f.tMs <= untilMs);
  return Promise.all(decoded.map(async (f, i) => ({
    jpeg: new Uint8Array(await sharp(f.image.data, { raw: { width: f.image.width, height: f.image.height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer()),
    dtMs: i === 0 ? 0 : f.tMs - (decoded[i - 1]?.tMs ?? 0),
  })));
}

describe('liveness sessions (embedded database, real worker, real clip)', () => {
  let h: Harness;
  let t: TestTenant;
  let analyzer: LivenessAnalyzerPool;
  let frames: Frame[];

  beforeAll(async () => {
    analyzer = createLivenessAnalyzerPool({ modelsDir: MODELS });
    [h, frames] = await Promise.all([createHarness('pglite', { deps: { livenessAnalyzer: analyzer } }), clipFrames(CLIP, 1300), analyzer.ready]);
    t = await h.createTenant();
  }, 120_000);
  afterAll(async () => {
    await h.close();
    await analyzer.close();
  });

  const create = (payload: object, headers = t.auth) => h.app.server.inject({ method: 'POST', url: '/v1/liveness/sessions', headers, payload });
  const open = async (id: string, ticket: string): Promise<StreamClient> => {
    let c: StreamClient | null = null;
    // Listen from the socket's creation: the server greets before injectWS resolves.
    await h.app.server.injectWS(`/v1/liveness/sessions/${id}/stream?ticket=${encodeURIComponent(ticket)}`, {}, { onInit: (ws) => { c = streamClient(ws); } });
    if (c === null) throw new Error('no socket');
    const client: StreamClient = c;
    await client.next(isType('session'));
    return client;
  };
  /** Sends frames one at a time, moving the server clock by each frame's interval, until a result arrives. */
  const stream = async (c: StreamClient, list: readonly Frame[]) => {
    for (const [i, f] of list.entries()) {
      if (c.messages.some((m) => m.type === 'result')) break;
      h.clock.advance(f.dtMs);
      const from = c.messages.length;
      c.send(f.jpeg);
      await c.wait((m) => (m.type === 'progress' && m.frame === i) || (m.type === 'frame_dropped' && m.frame === i) || m.type === 'result', from);
    }
    return c.next(isType('result'));
  };

  it('draws 2–4 challenges by default, narrows on request and refuses to widen', async () => {
    const def = await create({});
    expect(def.statusCode).toBe(201);
    const body = def.json<{ challenges: string[]; streamTicket: string; expiresAt: string; status: string }>();
    expect(body.challenges.length).toBeGreaterThanOrEqual(2);
    expect(body.challenges.length).toBeLessThanOrEqual(4);
    expect(new Set(body.challenges).size).toBe(body.challenges.length);
    expect(new Date(body.expiresAt).getTime() - h.clock.now().getTime()).toBe(180_000);
    const narrow = (await create({ challengeTypes: ['turn_left', 'turn_right'], count: 1 })).json<{ challenges: string[] }>();
    expect(narrow.challenges).toHaveLength(1);
    expect(['turn_left', 'turn_right']).toContain(narrow.challenges[0]);
    await h.db.query(`UPDATE tenants SET settings = jsonb_set(settings, '{liveness}', '{"challengeTypes":["blink","smile"],"minCount":1,"maxCount":2}'::jsonb) WHERE id = $1`, [t.tenantId]);
    const wide = await create({ challengeTypes: ['blink', 'nod'] });
    expect(wide.statusCode).toBe(400);
    expect(wide.json<{ error: { code: string } }>().error.code).toBe('LIVENESS_CHALLENGE_NOT_ALLOWED');
    expect((await create({ count: 3 })).json<{ error: { code: string } }>().error.code).toBe('LIVENESS_CHALLENGE_NOT_ALLOWED');
    await h.db.query(`UPDATE tenants SET settings = settings - 'liveness' WHERE id = $1`, [t.tenantId]);
    expect((await create({}, { authorization: 'Bearer nope' })).statusCode).toBe(401);
  });

  it('passes a live blink over the stream, signs a single-use token bound to the face, keeps the mesh', async () => {
    const created = (await create({ challengeTypes: ['blink'], count: 1 })).json<{ id: string; streamTicket: string }>();
    const c = await open(created.id, created.streamTicket);
    const result = await stream(c, frames);
    expect(result.reasons).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.challenges).toEqual([expect.objectContaining({ challenge: 'blink', passed: true })]);
    expect(result.scores['pad']).toBeGreaterThan(0.9);
    expect(c.messages.some((m) => m.type === 'challenge_passed' && m.challenge === 'blink')).toBe(true);
    expect(c.messages.some((m) => m.type === 'face' && m.present)).toBe(true);
    const token = result.livenessToken ?? '';

    // Verifiable with the public JWKS, bound to session and tenant.
    const jwks = createLocalJWKSet((await h.app.server.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json());
    const { payload, protectedHeader } = await jwtVerify(token, jwks, { currentDate: h.clock.now() });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'liveness+jwt' });
    expect(payload).toMatchObject({ sid: created.id, tid: t.tenantId });
    const fth = String(decodeJwt(token)['fth']);

    // The session's state and the operator's mesh.
    const view = (await h.app.server.inject({ method: 'GET', url: `/v1/liveness/sessions/${created.id}`, headers: t.auth })).json<{ status: string; result: { passed: boolean } }>();
    expect(view).toMatchObject({ status: 'passed', result: { passed: true } });
    const mesh = (await h.app.server.inject({ method: 'GET', url: `/v1/liveness/sessions/${created.id}/mesh`, headers: t.auth })).json<{ points: number; mesh: number[][] }>();
    expect(mesh.points).toBe(468);
    const obj = await h.app.server.inject({ method: 'GET', url: `/v1/liveness/sessions/${created.id}/mesh.obj`, headers: t.auth });
    expect(obj.body.split('\n').filter((l) => l.startsWith('v ')).length).toBe(468);
    const reader = await h.createTenant('Reader', ['liveness:write']);
    expect((await h.app.server.inject({ method: 'GET', url: `/v1/liveness/sessions/${created.id}/mesh`, headers: reader.auth })).statusCode).toBe(403);

    // consumeToken: another face, another tenant, expiry, then one use only.
    const svc = h.app.services.liveness;
    expect(await svc.consumeToken(t.tenantId, token, '0'.repeat(64))).toMatchObject({ ok: false, reason: 'LIVENESS_TOKEN_FACE_MISMATCH' });
    expect(await svc.consumeToken(reader.tenantId, token, fth)).toMatchObject({ ok: false, reason: 'LIVENESS_TOKEN_INVALID' });
    const now = h.clock.now();
    h.clock.advance(121_000);
    expect(await svc.consumeToken(t.tenantId, token, fth)).toMatchObject({ ok: false, reason: 'LIVENESS_TOKEN_EXPIRED' });
    h.clock.set(now);
    expect(await svc.consumeToken(t.tenantId, token, fth)).toMatchObject({ ok: true, sessionId: created.id });
    expect(await svc.consumeToken(t.tenantId, token, fth)).toMatchObject({ ok: false, reason: 'LIVENESS_TOKEN_REUSED' });

    // The ticket was single use.
    await expect(h.app.server.injectWS(`/v1/liveness/sessions/${created.id}/stream?ticket=${encodeURIComponent(created.streamTicket)}`)).rejects.toThrow();
  }, 240_000);

  it('fails frames replayed from an earlier session', async () => {
    const created = (await create({ challengeTypes: ['blink'], count: 1 })).json<{ id: string; streamTicket: string }>();
    const c = await open(created.id, created.streamTicket);
    const result = await stream(c, frames.slice(0, 3));
    expect(result.passed).toBe(false);
    expect(result.reasons).toContain('FRAME_REPLAYED');
    expect(result.livenessToken).toBeNull();
  }, 60_000);

  it('fails frames sent after the expiry', async () => {
    const created = (await create({ challengeTypes: ['blink'], count: 1 })).json<{ id: string; streamTicket: string }>();
    const c = await open(created.id, created.streamTicket);
    h.clock.advance(181_000);
    c.send(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
    const result = await c.next(isType('result'));
    expect(result).toMatchObject({ passed: false, livenessToken: null });
    expect(result.reasons).toContain('SESSION_EXPIRED');
    const view = (await h.app.server.inject({ method: 'GET', url: `/v1/liveness/sessions/${created.id}`, headers: t.auth })).json<{ status: string }>();
    expect(view.status).toBe('failed');
  }, 60_000);

  it('refuses a stream without credentials or with a bad ticket, and answers bad messages with typed errors', async () => {
    const created = (await create({ challengeTypes: ['smile'], count: 1 })).json<{ id: string; streamTicket: string }>();
    await expect(h.app.server.injectWS(`/v1/liveness/sessions/${created.id}/stream`)).rejects.toThrow();
    await expect(h.app.server.injectWS(`/v1/liveness/sessions/${created.id}/stream?ticket=${'x'.repeat(43)}`)).rejects.toThrow();
    const c = await open(created.id, created.streamTicket);
    const from = c.messages.length;
    c.send('{"type":"dance"}');
    expect(await c.next(isType('error'), from)).toMatchObject({ code: 'VALIDATION_FAILED' });
    c.send(JSON.stringify({ type: 'frame', data: Buffer.from('not a jpeg').toString('base64') }));
    expect(await c.wait((m) => m.type === 'error' && m.code === 'LIVENESS_FRAME_INVALID', from)).toBeTruthy();
    c.send('{"type":"cancel"}');
    const result = await c.next(isType('result'));
    expect(result.passed).toBe(false);
    expect(result.reasons).toContain('INCOMPLETE');
  }, 60_000);
});
