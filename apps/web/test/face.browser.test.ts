import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLivenessReason } from '../src/lib/livenessText.ts';
import { checkA11y } from './support/checkA11y.ts';
import { openBrowser } from './support/openBrowser.ts';
import { makeY4m, sharedData, tempCameraDir } from './support/makeY4m.ts';
import { startWebServer } from './support/startWebServer.ts';
import type { WebServer } from './support/startWebServer.ts';

// The live clip: real/liveportrait_d0_smile_gaze.mp4 (clips.csv: frontal man, neutral, broad smile
// ≈0.75–2.5 s, blink ≈2.5 s; 3.1 s, 512×512, 25 fps) at the clip's own rate. Chromium's fake camera
// loops it, so the smile comes back every 3.1 s. The tenant's sessions are narrowed to the action
// the clip performs: `smile`, one challenge. (A smile lasts long enough to be seen at the rate a
// loaded server analyses frames; the 150 ms blinks of blink_male_selfie_repeating were missed at
// 8 fps on two busy cores.)
const CLIP = join(sharedData, 'video/real/liveportrait_d0_smile_gaze.mp4');
const CLIP_FPS = 25;
const STILL = join(sharedData, 'face/lfw/lfw-deepfunneled/Aaron_Peirsol/Aaron_Peirsol_0002.jpg');

/**
 * Face enrolment and face sign-in with active liveness, in real Chromium against the real server
 * (face engine, liveness analyser with MiniFASNet): a live clip enrols, passes the smile challenge
 * over the WebSocket and matches; a still photo fails the liveness check with the reason shown.
 */
describe('web app, face enrolment and face sign-in with liveness, in Chromium', () => {
  let s: WebServer;
  let cam: { dir: string; cleanup: () => void };
  let live: string;
  let still: string;
  let far: string;

  beforeAll(async () => {
    cam = tempCameraDir();
    live = makeY4m({ input: CLIP, out: join(cam.dir, 'live.y4m'), seconds: 3.1, fps: CLIP_FPS });
    still = makeY4m({ input: STILL, out: join(cam.dir, 'still.y4m'), still: true, seconds: 2 });
    // The same portrait 56 px wide in the middle of a grey 640×480 frame: a person too far away.
    const small = await sharp(STILL).resize(56, 56).toBuffer();
    await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 128, g: 128, b: 128 } } }).composite([{ input: small, left: 292, top: 212 }]).png().toFile(join(cam.dir, 'far.png'));
    far = makeY4m({ input: join(cam.dir, 'far.png'), out: join(cam.dir, 'far.y4m'), still: true, seconds: 2 });
    s = await startWebServer('pglite', { face: true, livenessChallenges: ['smile'] });
  }, 180_000);
  afterAll(async () => {
    await s.close();
    cam.cleanup();
  });

  async function subjectIdOf(externalId: string): Promise<string> {
    const r = await s.harness.db.query<{ id: string }>('SELECT id FROM subjects WHERE tenant_id = $1 AND external_id = $2', [s.tenantId, externalId]);
    return r[0]?.id ?? '';
  }
  async function sessionStatuses(): Promise<string[]> {
    const r = await s.harness.db.query<{ status: string }>('SELECT status FROM liveness_sessions WHERE tenant_id = $1 AND subject_id = $2', [s.tenantId, await subjectIdOf('face-customer-1')]);
    return r.map((x) => x.status);
  }

  async function connectBank(page: Page) {
    await page.getByRole('link', { name: 'Bank console' }).first().click();
    await page.getByLabel('Client id').fill(s.clientId);
    await page.getByLabel('Client secret').fill(s.clientSecret);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByTestId('connected').textContent()).toContain(s.tenantId);
  }

  /** Connects the bank console and starts a face sign-in (liveness check first) as `externalId`. */
  async function startFaceSignIn(page: Page, externalId: string) {
    await connectBank(page);
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.getByRole('button', { name: 'Use my face' }).click();
    await page.getByLabel('Your customer id').fill(externalId);
    await page.getByRole('button', { name: 'Start the face check' }).click();
  }

  /** Connects the bank console, starts a session for `externalId` and opens the enrol page. */
  async function openEnrolAs(page: Page, externalId: string) {
    await connectBank(page);
    await page.getByLabel('Customer id at the bank (externalId)').fill(externalId);
    await page.getByRole('button', { name: 'Find or create' }).click();
    await page.getByRole('button', { name: 'Start a session as this person' }).click();
    await expect.poll(() => page.getByTestId('signed-in').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Enrol face' }).first().click();
  }

  it('enrols the live face from the camera and shows the result per picture', async () => {
    const b = await openBrowser({ url: `${s.base}/`, y4m: live });
    try {
      const { page } = b;
      await openEnrolAs(page, 'face-customer-1');
      await expect.poll(() => page.evaluate(`document.querySelector('video')?.videoWidth ?? 0`), { timeout: 15_000 }).toBe(640);
      // The server measures preview frames: the face box is drawn where the face is.
      await expect.poll(() => page.getByTestId('face-box').count(), { timeout: 30_000 }).toBe(1);
      for (let i = 0; i < 3; i++) {
        await page.getByRole('button', { name: /^Take picture/ }).click();
        await page.waitForTimeout(350);
      }
      const send = page.getByRole('button', { name: /^Enrol with 3 pictures/ });
      expect(await send.isDisabled()).toBe(true); // consent first
      await page.getByLabel(/I agree that my bank stores a face template/).check();
      await send.click();
      await expect.poll(() => page.getByTestId('enrolled').textContent(), { timeout: 90_000 }).toMatch(/Enrolled: [3-9] of 3 pictures accepted/);
      expect(await page.getByTestId('sample-results').locator('li[data-accepted="true"]').count()).toBe(3);
      const status = await s.harness.app.services.face.status(s.tenantId, await subjectIdOf('face-customer-1'));
      expect(status.sampleCount).toBe(3);
      await checkA11y(b, '14-enrol-results');
    } finally {
      await b.close();
    }
  }, 180_000);

  it('guides a person who is too far away: a small face box and "move closer"', async () => {
    const b = await openBrowser({ url: `${s.base}/`, y4m: far });
    try {
      const { page } = b;
      await openEnrolAs(page, 'face-customer-far');
      await expect.poll(() => page.locator('[data-testid=quality-hints] li[data-hint=move-closer]').count(), { timeout: 30_000 }).toBe(1);
      expect(await page.getByTestId('quality-hints').textContent()).toContain('Move closer');
      const box = await page.getByTestId('face-box').boundingBox();
      const view = await page.locator('.camera').boundingBox();
      expect(box).not.toBeNull();
      expect((box?.width ?? 1) / (view?.width ?? 1)).toBeLessThan(0.2);
      await checkA11y(b, '14b-enrol-move-closer');
    } finally {
      await b.close();
    }
  }, 180_000);

  it('signs in with face: a live clip passes the smile challenge step by step, then matches', async () => {
    const b = await openBrowser({ url: `${s.base}/`, y4m: live });
    try {
      const { page } = b;
      await startFaceSignIn(page, 'face-customer-1');
      // The prompt for the one challenge appears while the stream runs.
      await expect.poll(() => page.locator('[data-testid=liveness-prompt][data-challenge]').count(), { timeout: 60_000 }).toBe(1);
      expect(await page.getByTestId('liveness-prompt').getAttribute('data-challenge')).toBe('smile');
      expect(await page.getByTestId('liveness-prompt').textContent()).toContain('Smile');
      await checkA11y(b, '15-face-sign-in-challenge');
      await expect.poll(() => page.getByTestId('liveness-result').count(), { timeout: 60_000 }).toBe(1);
      await b.screenshot('16-face-sign-in-result');
      expect(await page.getByTestId('liveness-result').textContent()).toContain('Liveness confirmed');
      expect(await page.locator('.steps li').first().getAttribute('data-state')).toBe('passed');
      await expect.poll(() => page.getByTestId('face-match').isVisible(), { timeout: 60_000 }).toBe(true);
      await checkA11y(b, '16-face-sign-in-passed');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect.poll(() => page.getByTestId('signed-in').isVisible()).toBe(true);
      // The server stored the liveness session as passed, for this person.
      expect(await sessionStatuses()).toContain('passed');
    } finally {
      await b.close();
    }
  }, 180_000);

  it('a still photo fails the liveness check and the screen says why', async () => {
    const b = await openBrowser({ url: `${s.base}/`, y4m: still });
    try {
      const { page } = b;
      await startFaceSignIn(page, 'face-customer-1');
      await expect.poll(() => page.getByTestId('liveness-result').getAttribute('data-passed'), { timeout: 60_000 }).toBe('false');
      const items = page.getByTestId('liveness-reasons').locator('li');
      const reasons: string[] = [];
      for (let i = 0; i < (await items.count()); i++) reasons.push((await items.nth(i).getAttribute('data-reason')) ?? '');
      expect(reasons.length).toBeGreaterThan(0);
      const text = await page.getByTestId('liveness-reasons').textContent();
      for (const r of reasons) expect(text).toContain(describeLivenessReason(r));
      expect(await page.getByTestId('face-match').count()).toBe(0);
      expect(await page.getByTestId('signed-in').count()).toBe(0);
      expect(await sessionStatuses()).toContain('failed');
      await checkA11y(b, '17-face-sign-in-still-photo-refused');
    } finally {
      await b.close();
    }
  }, 180_000);
});
