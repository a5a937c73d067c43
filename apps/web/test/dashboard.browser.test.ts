import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordLivenessResult } from '../../server/test/support/recordLivenessResult.ts';
import { SoftAuthenticator } from '../../server/test/support/softAuthenticator.ts';
import { parseFaceEvaluation, percent } from '../src/lib/faceEvaluation.ts';
import { ADMIN, createAdminOperator } from './support/adminOperator.ts';
import { checkA11y } from './support/checkA11y.ts';
import { openBrowser, screenshotDir } from './support/openBrowser.ts';
import type { TestBrowser } from './support/openBrowser.ts';
import { operatorSignIn, submitOperatorSignIn } from './support/operatorSignIn.ts';
import { startWebServer } from './support/startWebServer.ts';
import type { WebServer } from './support/startWebServer.ts';

const evalFace = parseFaceEvaluation(JSON.parse(readFileSync(new URL('../../../bench/results/eval-face.json', import.meta.url), 'utf8')) as unknown);

/**
 * The admin dashboard in real headless Chromium against the real server: a person signs in with a
 * passkey and a stranger's passkey is refused (real endpoints), three liveness checks complete
 * through the liveness service (one passed, two failed), and an admin operator signs in through
 * the portal (one wrong password first). The dashboard then shows those attempts per day, per
 * factor and the liveness rejection reasons, and the ROC curve of the committed evaluation run.
 */
describe('web app, admin dashboard, in Chromium', () => {
  let s: WebServer;
  let b: TestBrowser;

  const post = async (path: string, body: object, token?: string) => {
    const r = await fetch(`${s.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) }, body: JSON.stringify(body) });
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    s = await startWebServer();
    const { services } = s.harness.app;
    const subject = await services.subjects.create(s.tenantId, { externalId: 'dash-1', displayName: 'Ada' }, { type: 'system', id: null });
    const session = await services.sessions.start({ kind: 'subject', tenantId: s.tenantId, id: subject.id, scopes: new Set(['self'] as const) });
    const auth = new SoftAuthenticator();
    const reg = await post('/v1/me/passkeys/registration/options', {}, session.accessToken);
    expect((await post('/v1/me/passkeys/registration/verify', { credential: auth.create(reg.json as never, { origin: s.base }), name: 'Phone' }, session.accessToken)).status).toBe(201);
    const options = async () => (await post('/v1/passkeys/authentication/options', { tenantId: s.tenantId })).json as { challenge: string; rpId?: string };
    expect((await post('/v1/passkeys/authentication/verify', { tenantId: s.tenantId, credential: auth.get(await options(), { origin: s.base }) })).status).toBe(200);
    const stranger = await post('/v1/passkeys/authentication/verify', { tenantId: s.tenantId, credential: new SoftAuthenticator().get(await options(), { origin: s.base }) });
    expect(stranger.status).toBe(401);
    await recordLivenessResult(services, s.tenantId, []);
    await recordLivenessResult(services, s.tenantId, ['PAD_SPOOF']);
    await recordLivenessResult(services, s.tenantId, ['PAD_SPOOF', 'PLANAR_MOTION']);
    await createAdminOperator(s);
    b = await openBrowser({ url: `${s.base}/admin/sign-in` });
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });

  it('an admin operator signs in (after one wrong password) and sees the attempts of the last 14 days', async () => {
    const { page } = b;
    await submitOperatorSignIn(page, { tenantId: s.tenantId, email: ADMIN.email, password: 'wrong-password-123' });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('OPERATOR_SIGN_IN_FAILED');
    await operatorSignIn(page, { tenantId: s.tenantId, ...ADMIN });
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();

    // passkey 1 + 1 refused, liveness 1 + 2 failed, operator sign-in 1 + 1 failed: 7 attempts, 3 succeeded.
    const stats = page.getByTestId('activity-stats');
    await expect.poll(() => stats.textContent(), { timeout: 15_000 }).toContain('7 authentication attempts');
    expect(await stats.textContent()).toContain('42.86% succeeded');
    expect(await stats.textContent()).toContain('2 liveness checks failed (of 3)');
    const daily = page.getByTestId('activity-daily');
    expect(await daily.locator('svg[role="img"]').getAttribute('aria-label')).toContain('7 attempts in 14 days, 3 succeeded');
    expect(await daily.locator('g[data-total]').count()).toBe(14);
    expect(await daily.locator('g[data-total="7"] rect').count()).toBe(3);
    expect(await daily.locator('g[data-total="0"]').count()).toBe(13);

    const passkeyRow = page.getByTestId('activity-factors').getByRole('row', { name: /Passkey sign-in/ });
    expect((await passkeyRow.textContent())?.replace(/\s+/g, ' ')).toMatch(/Passkey sign-in\s*2\s*1\s*0\s*1\s*50%/);
    const livenessRow = page.getByTestId('activity-factors').getByRole('row', { name: /Liveness check/ });
    expect(await livenessRow.textContent()).toMatch(/Liveness check\s*3\s*1\s*2\s*0\s*33\.33%/);
    expect(await page.getByRole('img', { name: 'Share of attempts that succeeded' }).count()).toBe(1);

    const reasons = page.getByTestId('liveness-reasons');
    expect(await reasons.getByRole('img').getAttribute('aria-label')).toContain('Reasons of the 2 failed liveness checks');
    expect(await reasons.locator('table').textContent()).toMatch(/Photo or screen \(PAD\)\s*2/);
    expect(await reasons.locator('table').textContent()).toMatch(/Moved like a flat picture\s*1/);
    await checkA11y(b, '40-dashboard-activity-phone');
    await page.locator('section[aria-labelledby="activity-h"]').screenshot({ path: join(screenshotDir, '40-dashboard-activity-card-phone.png') });
  });

  it('changes the period with the labelled selector', async () => {
    const { page } = b;
    await page.getByLabel('Period').selectOption('7');
    const daily = page.getByTestId('activity-daily');
    await expect.poll(() => daily.locator('g[data-total]').count()).toBe(7);
    expect(await daily.locator('svg[role="img"]').getAttribute('aria-label')).toContain('7 attempts in 7 days');
  });

  it('draws the ROC curve of the latest evaluation run with its figures', async () => {
    const { page } = b;
    const roc = page.getByTestId('face-roc');
    await roc.scrollIntoViewIfNeeded();
    const d = await roc.getByTestId('roc-path').getAttribute('d');
    expect(d).toMatch(/^M[\d.]+ [\d.]+(H[\d.]+V[\d.]+)+H[\d.]+$/);
    const label = await roc.locator('svg[role="img"]').getAttribute('aria-label');
    expect(label).toContain(`True accept rate ${percent(evalFace.tarAtFar1e3)} at 0.1% false accepts`);
    expect(label).toContain(`equal error rate ${percent(evalFace.eer)}`);
    expect(await roc.locator('circle').count()).toBe(1);
    expect(await roc.locator('svg[role="img"]').textContent()).toContain(`TAR ${percent(evalFace.tarAtFar1e3)}at FAR 10⁻³`);
    expect(await page.getByTestId('face-evaluation').textContent()).toContain(`${percent(evalFace.accuracy)} accuracy`);
    await roc.getByText('ROC points as a table').click();
    expect(await roc.locator('tbody tr').count()).toBe(evalFace.roc.length);
    await checkA11y(b, '41-dashboard-roc-phone');
    await roc.locator('svg[role="img"]').screenshot({ path: join(screenshotDir, '41-dashboard-roc-chart-phone.png') });
  });

  it('reads well on a wide screen too', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate('window.scrollTo(0, 0)');
    await checkA11y(b, '42-dashboard-desktop');
  });
});
