import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../../../packages/sdk/test/support/codeOf.ts';
import { credentialsClient } from '../../../packages/sdk/test/support/credentialsClient.ts';
import { ADMIN, createAdminOperator } from './support/adminOperator.ts';
import { checkA11y } from './support/checkA11y.ts';
import { openBrowser } from './support/openBrowser.ts';
import type { TestBrowser } from './support/openBrowser.ts';
import { operatorSignIn } from './support/operatorSignIn.ts';
import { startWebServer } from './support/startWebServer.ts';
import type { WebServer } from './support/startWebServer.ts';

/**
 * The admin portal's API clients page in real headless Chromium against the real server: an admin
 * operator signs in, creates a client with two scopes (keyboard for one of them), reads the secret
 * from the one-time box (and its copy button), and the test proves in Node through the SDK that the
 * secret gets a token at /oauth/token; the operator disables the client after a confirmation step
 * and the same secret is refused. Screens are checked with axe-core and photographed.
 */
describe('web app, API clients page, in Chromium', () => {
  let s: WebServer;
  let b: TestBrowser;
  let clientId = '';
  let secret = '';

  beforeAll(async () => {
    s = await startWebServer();
    await createAdminOperator(s);
    b = await openBrowser({ url: `${s.base}/admin/sign-in` });
    await b.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.base });
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });

  it('signs an admin operator in and lists the tenant’s clients', async () => {
    const { page } = b;
    await operatorSignIn(page, { tenantId: s.tenantId, ...ADMIN });
    await page.getByRole('link', { name: 'API clients' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('API clients');
    await expect.poll(() => page.getByTestId('clients').textContent()).toContain('web test client');
    expect(await page.getByTestId(`client-${s.clientId}`).textContent()).toContain('active');
    // An admin holds every client scope, so every one is offered, each a labelled checkbox.
    expect(await page.getByRole('group', { name: 'Scopes' }).getByRole('checkbox').count()).toBe(24);
    await checkA11y(b, '30-clients');
  });

  it('checks the form, creates a client and shows its secret once, prominently, with a copy button', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'Create client' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'New client' }).textContent()).toContain('Choose at least one scope.');
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Name').fill('core banking');
    await page.getByLabel('transactions:write').check();
    await page.getByLabel('transactions:read').press('Space');
    expect(await page.getByLabel('transactions:read').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create client' }).click();

    const notice = page.getByTestId('client-secret-notice');
    await expect.poll(() => notice.textContent()).toContain('This secret will not be shown again.');
    // Focus moves to the box's heading so a screen reader announces it.
    expect(await page.evaluate('document.activeElement?.id')).toBe('secret-h');
    clientId = await page.getByTestId('new-client-id').inputValue();
    secret = await page.getByTestId('client-secret').inputValue();
    expect(clientId).toMatch(/^cl_/);
    expect(secret).toMatch(/^cls_/);
    await page.getByRole('button', { name: 'Copy client secret' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Client secret copied to the clipboard.');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await checkA11y(b, '31-client-secret-once');

    const card = page.getByTestId(`client-${clientId}`);
    await expect.poll(() => card.textContent()).toContain('core banking');
    expect(await card.textContent()).toContain('transactions:write');
    // The form is empty again for the next client.
    expect(await page.getByLabel('Name').inputValue()).toBe('');
  });

  it('the secret gets a token at /oauth/token with exactly the chosen scopes (SDK in Node)', async () => {
    const api = credentialsClient({ baseUrl: s.base, clientId, clientSecret: secret });
    const me = await api.me.get();
    expect(me).toMatchObject({ kind: 'client', id: clientId, tenantId: s.tenantId });
    expect([...me.scopes].sort()).toEqual(['transactions:read', 'transactions:write']);
  });

  it('forgets the secret when dismissed; disabling asks first, then the same secret is refused', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'I have stored the secret' }).click();
    await expect.poll(() => page.getByTestId('client-secret-notice').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    // A token issued before the client is disabled, kept by the provider's cache.
    const cached = credentialsClient({ baseUrl: s.base, clientId, clientSecret: secret });
    expect(await codeOf(cached.me.get())).toBe('OK');

    await page.getByRole('button', { name: 'Disable core banking' }).click();
    const confirm = page.getByTestId('confirm-disable');
    await expect.poll(() => confirm.textContent()).toContain('Disable “core banking”?');
    // The safe choice has focus; "Keep it" leaves the client alone.
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Keep it');
    await checkA11y(b, '32-client-disable-confirm');
    await page.keyboard.press('Enter');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await page.getByTestId(`client-${clientId}`).textContent()).toContain('active');

    await page.getByRole('button', { name: 'Disable core banking' }).click();
    await page.getByRole('button', { name: 'Disable client' }).click();
    await expect.poll(() => page.getByTestId(`client-${clientId}`).textContent()).toContain('disabled');
    expect(await page.getByRole('button', { name: 'Disable core banking' }).count()).toBe(0);
    await checkA11y(b, '33-client-disabled');

    const fresh = credentialsClient({ baseUrl: s.base, clientId, clientSecret: secret });
    expect(await codeOf(fresh.me.get())).toBe('INVALID_CLIENT');
    expect(await codeOf(cached.me.get())).toBe('TOKEN_REVOKED');
  });
});
