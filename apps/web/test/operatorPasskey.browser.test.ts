import { createAuthloopClient } from '@authloop/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createAdminOperator } from './support/adminOperator.ts';
import { checkA11y } from './support/checkA11y.ts';
import { openBrowser } from './support/openBrowser.ts';
import type { TestBrowser } from './support/openBrowser.ts';
import { operatorSignIn, submitOperatorSignIn } from './support/operatorSignIn.ts';
import { startWebServer } from './support/startWebServer.ts';
import type { WebServer } from './support/startWebServer.ts';

/**
 * The operator's passkey second factor in real headless Chromium against the real server (whose
 * public URL is its own origin, the operators' relying party): an admin operator signs in with a
 * password, registers a passkey on the DevTools virtual authenticator from the admin portal, signs
 * out, and then needs password and passkey to reach the admin pages; the password alone leaves no
 * session. Screens are checked with axe-core and photographed.
 */
describe('web app, operator passkey second factor, in Chromium', () => {
  let s: WebServer;
  let b: TestBrowser;

  beforeAll(async () => {
    s = await startWebServer('pglite', { issuerIsBase: true });
    await createAdminOperator(s);
    b = await openBrowser({ url: `${s.base}/admin/sign-in` });
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });

  const credentialCount = async () => (await b.cdp.send('WebAuthn.getCredentials', { authenticatorId: b.authenticatorId })).credentials.length;

  it('registers a passkey for the operator after a password sign-in', async () => {
    const { page } = b;
    await operatorSignIn(page, { tenantId: s.tenantId, ...ADMIN });
    const card = page.getByTestId('operator-passkey');
    await expect.poll(() => card.textContent()).toContain('no passkey');
    await checkA11y(b, '40-operator-no-passkey');

    await page.getByRole('button', { name: 'Register a passkey' }).click();
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('Passkey registered. Your next sign-in asks for it.');
    await expect.poll(() => card.textContent()).toContain('passkey registered');
    expect(await credentialCount()).toBe(1);
    await checkA11y(b, '41-operator-passkey-registered');
  });

  it('then refuses to finish sign-in with the password alone and signs in with password + passkey', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'Sign out operator' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);

    await submitOperatorSignIn(page, { tenantId: s.tenantId, ...ADMIN });
    await expect.poll(() => page.getByTestId('operator-mfa').textContent()).toContain('Confirm with your passkey');
    // The password was right, but there is no operator session and the admin pages still ask for a sign-in.
    expect(await page.evaluate(`sessionStorage.getItem('authloop.operator')`)).toBeNull();
    await checkA11y(b, '42-operator-passkey-step');

    await page.getByRole('button', { name: 'Use passkey' }).click();
    await expect.poll(() => page.getByTestId('operator-signed-in').textContent(), { timeout: 15_000 }).toContain('admin@bank.test');
    const stored = JSON.parse(String(await page.evaluate(`sessionStorage.getItem('authloop.operator')`))) as { accessToken: string };
    const me = await createAuthloopClient({ baseUrl: s.base, token: stored.accessToken }).operators.me();
    expect(me).toMatchObject({ email: 'admin@bank.test', role: 'admin', hasPasskey: true });

    await page.getByRole('link', { name: 'Audit log' }).first().click();
    await expect.poll(() => page.getByTestId('chain-status').textContent(), { timeout: 15_000 }).toContain('Intact');
    await expect.poll(() => page.getByTestId('audit-events').textContent()).toContain('operator.sign-in');
    await page.getByRole('link', { name: 'API clients' }).first().click();
    await expect.poll(() => page.getByTestId('clients').textContent()).toContain('web test client');
    await checkA11y(b, '43-operator-mfa-admin');
  });
});
