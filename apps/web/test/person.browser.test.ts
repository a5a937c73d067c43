import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y as checkA11yOf } from './support/checkA11y.ts';
import { openBrowser } from './support/openBrowser.ts';
import type { TestBrowser } from './support/openBrowser.ts';
import { makeY4m, sharedData, tempCameraDir } from './support/makeY4m.ts';
import { startWebServer } from './support/startWebServer.ts';
import type { WebServer } from './support/startWebServer.ts';

/**
 * The person's side of the web app in real headless Chromium against the real server: the bank
 * console starts a session, a passkey is added with the DevTools virtual authenticator, the person
 * signs out and back in with it (no username), the camera preview runs on a fake camera fed from
 * an LFW photo. Every screen is checked with axe-core and photographed.
 */
describe('web app, person flows, in Chromium', () => {
  let s: WebServer;
  let b: TestBrowser;
  let cam: { dir: string; cleanup: () => void };

  beforeAll(async () => {
    cam = tempCameraDir();
    const y4m = makeY4m({ input: join(sharedData, 'face/lfw/lfw-deepfunneled/Aaron_Peirsol/Aaron_Peirsol_0001.jpg'), out: join(cam.dir, 'still.y4m'), still: true, seconds: 3 });
    s = await startWebServer();
    b = await openBrowser({ url: `${s.base}/`, y4m });
  });
  afterAll(async () => {
    await b.close();
    await s.close();
    cam.cleanup();
  });

  const checkA11y = (name: string) => checkA11yOf(b, name);

  it('serves the sign-in screen with a manifest and no serious accessibility problems', async () => {
    const { page } = b;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await expect.poll(() => page.getByRole('button', { name: 'Sign in with a passkey' }).isDisabled()).toBe(true);
    const manifest = await page.evaluate(`fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())`);
    expect(manifest).toMatchObject({ name: 'Authloop', display: 'standalone', start_url: '/' });
    await checkA11y('01-sign-in');
  });

  it('connects the bank console and starts a session for a new person', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Bank console' }).first().click();
    await page.getByLabel('Client id').fill(s.clientId);
    await page.getByLabel('Client secret').fill('wrong-secret');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('INVALID_CLIENT');
    await page.getByLabel('Client secret').fill(s.clientSecret);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByTestId('connected').textContent()).toContain(s.tenantId);
    await page.getByLabel('Customer id at the bank (externalId)').fill('web-customer-1');
    await page.getByLabel('Display name (optional)').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Find or create' }).click();
    const subjectId = await page.getByTestId('subject-id').textContent();
    expect(subjectId).toMatch(/^[0-9a-f-]{36}$/);
    await checkA11y('02-bank-console');
    await page.getByRole('button', { name: 'Start a session as this person' }).click();
    await expect.poll(() => page.getByTestId('signed-in').isVisible()).toBe(true);
    expect(await page.textContent('main')).toContain(subjectId ?? 'missing');
  });

  it('adds, renames and lists a passkey made by the virtual authenticator', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Passkeys' }).first().click();
    await page.getByLabel('Name').fill('Test phone');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect.poll(() => page.getByTestId('passkey-added').textContent()).toContain('Test phone');
    const { credentials } = await b.cdp.send('WebAuthn.getCredentials', { authenticatorId: b.authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);
    await expect.poll(() => page.getByTestId('passkey-list').textContent()).toContain('Test phone');
    await page.getByRole('button', { name: 'Rename Test phone' }).click();
    await page.getByLabel('New name for Test phone').fill('My phone');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('passkey-list').textContent()).toContain('My phone');
    await checkA11y('03-passkeys');
  });

  it('signs out and signs back in with the passkey, without a username', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    const button = page.getByRole('button', { name: 'Sign in with a passkey' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.click();
    await expect.poll(() => page.getByTestId('signed-in').isVisible()).toBe(true);
    await checkA11y('04-signed-in');
    // The session works: my passkeys are listed with the person's token, and last use is recorded.
    await page.getByRole('link', { name: 'My data' }).first().click();
    await expect.poll(() => page.getByTestId('devices').textContent()).toMatch(/My phone — last used/);
    // Activity comes from the person's own export: the passkey registration and sign-in are there.
    await expect.poll(() => page.getByTestId('activity').textContent()).toContain('passkey');
    expect(await page.getByTestId('export-link').getAttribute('download')).toMatch(/^authloop-my-data-/);
    await checkA11y('05-my-data');
  });

  it('approves a payment created in the bank console with the passkey', async () => {
    const { page } = b;
    // This tenant approves payments with a passkey alone (the default policy also asks for face and liveness).
    const current = await s.harness.app.services.policy.get(s.tenantId);
    await s.harness.app.services.policy.set(
      s.tenantId,
      { ...current.policy, actions: { ...current.policy.actions, approvePayment: [{ maxAmountMinor: null, factors: ['passkey'], stepUpFactors: [] }] }, liveness: { ...current.policy.liveness, required: 'never' } },
      { type: 'system', id: null },
    );
    await page.getByRole('link', { name: 'Bank console' }).first().click();
    await page.getByLabel('Customer id at the bank (externalId)').fill('web-customer-1');
    await page.getByRole('button', { name: 'Find or create' }).click();
    await page.getByLabel('Amount').fill('1250.00');
    await page.getByLabel('Payee name').fill('ACME Ltd');
    await page.getByRole('button', { name: 'Create payment' }).click();
    await page.getByTestId('approve-link').click();
    await expect.poll(() => page.getByTestId('amount').textContent()).toBe('€1,250.00');
    expect(await page.getByTestId('payee').textContent()).toBe('ACME Ltd');
    expect(await page.getByTestId('status').textContent()).toBe('pending');
    await checkA11y('07-approve-payment');
    await page.getByRole('button', { name: 'Approve with passkey' }).click();
    await expect.poll(() => page.getByTestId('approved').isVisible()).toBe(true);
    expect(await page.getByTestId('status').textContent()).toBe('approved');
    // The bank can verify the signed approval artefact against the stored transaction.
    const txId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const tx = await s.harness.app.services.transactions.get(s.tenantId, txId);
    expect(tx.status).toBe('approved');
    await checkA11y('08-payment-approved');
  });

  it('shows the operator the audit log with an intact chain, the dashboard and subjects', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Admin portal' }).click();
    await expect.poll(() => page.getByTestId('stats').textContent()).toMatch(/\d+ API requests/);
    await checkA11y('09-admin-dashboard');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => page.getByTestId('chain-status').textContent(), { timeout: 15_000 }).toContain('Intact');
    const log = page.getByTestId('audit-events');
    await expect.poll(() => log.textContent()).toContain('passkey');
    expect(await log.textContent()).toContain('transaction');
    await checkA11y('10-admin-audit');
    await page.getByLabel('Action').fill('Not Valid!');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Lower-case letters');
    await page.getByLabel('Action').fill('transaction.*');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(async () => (await log.locator('tbody tr td:nth-child(3)').allTextContents()).every((a) => a.startsWith('transaction.'))).toBe(true);
    expect(await log.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Subjects' }).click();
    await expect.poll(() => page.getByTestId('subjects').textContent()).toContain('web-customer-1');
    await page.getByRole('button', { name: 'Lock state of web-customer-1' }).click();
    await expect.poll(() => page.getByTestId('face-state').textContent()).toBe('not enrolled');
    await expect.poll(() => page.getByTestId('locks').textContent()).toBe('None');
    await checkA11y('11-admin-subjects');
    await page.getByRole('link', { name: 'API clients' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('API clients');
    await checkA11y('13-admin-clients');
  });

  it('lets the operator edit the policy, refusing invalid JSON and an invalid policy with the reasons', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.getByTestId('policy-version').textContent()).toMatch(/^\d+$/);
    const before = Number(await page.getByTestId('policy-version').textContent());
    const editor = page.getByRole('textbox', { name: 'Policy', exact: true });
    await expect.poll(() => editor.inputValue()).toContain('"actions"');
    const policy = JSON.parse(await editor.inputValue()) as { thresholds: { face: { targetFmr: number } } };
    await editor.fill('{ "actions": ');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expect.poll(() => page.getByTestId('policy-editor').textContent()).toContain('This is not valid JSON');
    await editor.fill(JSON.stringify({ ...policy, thresholds: { ...policy.thresholds, face: { targetFmr: 5 } } }, null, 2));
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expect.poll(() => page.getByTestId('policy-editor-issues').textContent()).toContain('targetFmr');
    expect(Number(await page.getByTestId('policy-version').textContent())).toBe(before);
    await checkA11y('12-admin-settings-invalid');
    await editor.fill(JSON.stringify({ ...policy, thresholds: { ...policy.thresholds, face: { targetFmr: 0.0001 } } }, null, 2));
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expect.poll(() => page.getByTestId('policy-version').textContent()).toBe(String(before + 1));
    const stored = await s.harness.app.services.policy.get(s.tenantId);
    expect(stored.policy.thresholds.face.targetFmr).toBe(0.0001);
    await checkA11y('12-admin-settings');
  });

  it('shows the live camera preview with quality hints and takes pictures', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Personal' }).click();
    await page.getByRole('link', { name: 'Enrol face' }).first().click();
    await expect.poll(() => page.evaluate(`document.querySelector('video')?.videoWidth ?? 0`), { timeout: 15_000 }).toBe(640);
    await expect.poll(() => page.getByTestId('quality-hints').textContent(), { timeout: 10_000 }).not.toContain('Starting');
    for (let i = 1; i <= 3; i++) await page.getByRole('button', { name: /^Take picture/ }).click();
    await expect.poll(() => page.getByTestId('samples').locator('img').count()).toBe(3);
    await checkA11y('06-enrol');
  });
});
