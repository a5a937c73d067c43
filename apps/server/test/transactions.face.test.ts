import type { FaceEngine } from '@authloop/engine';
import type { LivenessVerdict } from '@authloop/engine/liveness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness.ts';
import { createHarness } from './harness.ts';
import { approvalChallenge, createTransaction, paymentPolicy, registerSoftPasskey } from './support/approvalFlow.ts';
import { closeTestFaceEngine, lfwImage } from './support/faceEngine.ts';
import { codeOf, createPasskeyTenant } from './support/passkeyFixtures.ts';
import type { PasskeyTenant } from './support/passkeyFixtures.ts';
import type { SoftAuthenticator } from './support/softAuthenticator.ts';

const ENROL = [1, 2, 3].map((n) => lfwImage('Abdullah_Gul', n));
const SAME = lfwImage('Abdullah_Gul', 4);
const OTHER = lfwImage('Aaron_Peirsol', 1);

/** A passed verdict as the stream would produce it (the analysis itself is tested in liveness.test.ts). */
const passed: LivenessVerdict = {
  passed: true,
  reasons: [],
  scores: { pad: 0.97, padFrames: 8, screen: 0.1, moire: 0.1, bezel: 0, glare: 0, planar: 0.78, motionDeg: 24, depth: 0.3, sameFace: 0.8, multiFaceShare: 0, frames: 40, faceFrames: 40 },
  challenges: [],
  best: null,
};

/**
 * The face/liveness factor of a payment approval on the real liveness token. Running a liveness
 * session over the WebSocket takes tens of seconds per token, so tokens are minted through the
 * liveness service's own completion and signing path (`services.liveness.create` then `complete`
 * with a passed verdict and the best frame's template, made by the real face engine from an LFW
 * photo); `consumeToken` then checks and spends them exactly as after a streamed session.
 */
describe('payment approval with face and liveness (embedded database, real face engine)', () => {
  let h: Harness;
  let t: PasskeyTenant;
  let auth: SoftAuthenticator;
  let engine: FaceEngine;

  beforeAll(async () => {
    h = await createHarness('pglite', { face: true });
    const e = h.app.services.liveness.engine;
    if (e === undefined) throw new Error('no face engine');
    engine = e;
    t = await createPasskeyTenant(h);
    await h.app.services.policy.set(t.tenantId, paymentPolicy([{ maxAmountMinor: 10_000, factors: ['passkey'] }, { maxAmountMinor: null, factors: ['passkey', 'face'] }], 'always'), { type: 'system', id: null });
    auth = await registerSoftPasskey(h, t);
    const enrolled = await h.app.services.face.enrol(t.tenantId, t.subjectId, ENROL, { type: 'system', id: null });
    expect(enrolled.sampleCount).toBe(3);
  }, 180_000);
  afterAll(async () => {
    await h.close();
    await closeTestFaceEngine();
  });

  /** A liveness token for a session of `subjectId` (null: a session without subject) whose best frame is `image`. */
  async function mint(tenantId: string, subjectId: string | null, image: Uint8Array): Promise<string> {
    const template = (await engine.analyze(image)).template;
    if (template === null) throw new Error('no face in the test image');
    const { session } = await h.app.services.liveness.create(tenantId, { type: 'system', id: null }, subjectId === null ? {} : { subjectId });
    await h.app.services.liveness.start(session);
    const { token } = await h.app.services.liveness.complete(session, passed, template, { type: 'system', id: null });
    if (token === null) throw new Error('no token');
    return token;
  }

  /** Creates a transaction of `amount` and approves it with the passkey and `token`. */
  async function approveWith(amount: string, token: string | undefined, tenant = t, authenticator = auth) {
    const tx = await createTransaction(h, tenant, { amount });
    const c = await approvalChallenge(h, tenant, tx.id);
    const res = await h.app.server.inject({
      method: 'POST',
      url: `/v1/transactions/${tx.id}/approve`,
      headers: tenant.subjectAuth,
      payload: { credential: authenticator.get(c.publicKey), ...(token === undefined ? {} : { factors: { face: { token } } }) },
    });
    return { tx, res };
  }

  it('requires face and liveness above the limit and approves with the passkey and a liveness token of the same face', async () => {
    const { tx, res } = await approveWith('250.00', undefined);
    expect(tx.requires).toEqual(['passkey', 'face', 'liveness']);
    expect(res.json<{ error: { code: string; details: { missing: string[] } } }>().error).toMatchObject({ code: 'TRANSACTION_FACTOR_REQUIRED', details: { missing: ['face', 'liveness'] } });

    const token = await mint(t.tenantId, t.subjectId, SAME);
    const ok = await approveWith('250.00', token);
    expect(codeOf(ok.res)).toBe('OK 200');
    const { transaction, artifact } = ok.res.json<{ transaction: { factors: string[] }; artifact: string }>();
    expect(transaction.factors).toEqual(['passkey', 'face', 'liveness']);
    const claims = JSON.parse(Buffer.from(artifact.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ factors: ['passkey', 'face', 'liveness'], face: { liveness: true, faceMatched: true } });
    expect(JSON.stringify(claims)).not.toContain('vector');

    // The token is single use: a second payment cannot reuse it.
    expect(codeOf((await approveWith('250.00', token)).res)).toBe('LIVENESS_TOKEN_REUSED');
  });

  it('below the limit asks only for liveness (policy liveness: always), proven by the token alone', async () => {
    const { tx, res } = await approveWith('20.00', await mint(t.tenantId, t.subjectId, SAME));
    expect(tx.requires).toEqual(['passkey', 'liveness']);
    expect(res.json<{ transaction: { factors: string[] } }>().transaction.factors).toEqual(['passkey', 'liveness']);
  });

  it('refuses another face, an expired token, another subject’s and another tenant’s token, each with its code', async () => {
    expect(codeOf((await approveWith('250.00', await mint(t.tenantId, t.subjectId, OTHER))).res)).toBe('LIVENESS_TOKEN_FACE_MISMATCH');

    const late = await mint(t.tenantId, t.subjectId, SAME);
    h.clock.advance(121_000);
    expect(codeOf((await approveWith('250.00', late)).res)).toBe('LIVENESS_TOKEN_EXPIRED');

    const sibling = await h.app.services.subjects.create(t.tenantId, { externalId: 'sibling' }, { type: 'system', id: null });
    const siblings = await mint(t.tenantId, sibling.id, SAME);
    expect(codeOf((await approveWith('250.00', siblings)).res)).toBe('LIVENESS_TOKEN_SUBJECT_MISMATCH');
    expect(codeOf((await approveWith('250.00', await mint(t.tenantId, null, SAME))).res)).toBe('LIVENESS_TOKEN_SUBJECT_MISMATCH');
    // Refused before it was spent: the sibling's token is still unused.
    const probe = (await engine.analyze(SAME)).template;
    if (probe === null) throw new Error('no face');
    expect(await h.app.services.liveness.consumeToken(t.tenantId, siblings, probe)).toMatchObject({ ok: true, subjectId: sibling.id });

    const other = await createPasskeyTenant(h, { externalId: 'elsewhere' });
    const foreign = await mint(other.tenantId, other.subjectId, SAME);
    expect(codeOf((await approveWith('250.00', foreign)).res)).toBe('LIVENESS_TOKEN_INVALID');

    const denied = await h.db.query<{ code: string }>("SELECT details->>'code' AS code FROM audit_events WHERE tenant_id = $1 AND action = 'transaction.approve' AND outcome = 'denied' ORDER BY seq", [t.tenantId]);
    expect(denied.map((d) => d.code)).toEqual(['LIVENESS_TOKEN_REUSED', 'LIVENESS_TOKEN_FACE_MISMATCH', 'LIVENESS_TOKEN_EXPIRED', 'LIVENESS_TOKEN_SUBJECT_MISMATCH', 'LIVENESS_TOKEN_SUBJECT_MISMATCH', 'LIVENESS_TOKEN_INVALID']);
  });

  it('refuses a face-requiring payment for a subject without a face enrolment, leaving the token unspent', async () => {
    const bare = await createPasskeyTenant(h, { externalId: 'no-face' });
    await h.app.services.policy.set(bare.tenantId, paymentPolicy([{ maxAmountMinor: null, factors: ['passkey', 'face'] }]), { type: 'system', id: null });
    const bareAuth = await registerSoftPasskey(h, bare);
    const token = await mint(bare.tenantId, bare.subjectId, SAME);
    expect(codeOf((await approveWith('250.00', token, bare, bareAuth)).res)).toBe('FACE_NOT_ENROLLED');
    const probe = (await engine.analyze(SAME)).template;
    if (probe === null) throw new Error('no face');
    expect((await h.app.services.liveness.consumeToken(bare.tenantId, token, probe)).ok).toBe(true);
  });
});
