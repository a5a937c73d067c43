import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createAdminOperator } from './support/adminOperator.ts';
import { checkA11y } from './support/checkA11y.ts';
import { openBrowser } from './support/openBrowser.ts';
import type { TestBrowser } from './support/openBrowser.ts';
import { startWebServer } from './support/startWebServer.ts';
import type { WebServer } from './support/startWebServer.ts';

/**
 * The admin portal as an operator in real headless Chromium against the real server: an admin
 * operator (made through the server's services, as `authloop admin create-operator` does) signs in
 * with email and password, without any bank console credentials, and reads the audit log with the
 * operator's own token. Screens are checked with axe-core and photographed.
 */
describe('web app, operator sign-in, in Chromium', () => {
  let s: WebServer;
  let b: TestBrowser;

  beforeAll(async () => {
    s = await startWebServer();
    await createAdminOperator(s);
    b = await openBrowser({ url: `${s.base}/admin` });
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });

  it('asks for an operator sign-in when nothing is connected, and refuses a wrong password', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Sign in as an operator');
    await page.getByRole('link', { name: 'Operator sign-in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Operator sign-in');
    await checkA11y(b, '20-operator-sign-in');
    await page.getByLabel('Tenant id').fill(s.tenantId);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('wrong-password-123');
    await page.getByLabel('Password').press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('OPERATOR_SIGN_IN_FAILED');
  });

  it('signs in with the password using the keyboard and opens the audit log as the operator', async () => {
    const { page } = b;
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('operator-signed-in').textContent()).toContain('admin@bank.test');
    expect(await page.evaluate(`sessionStorage.getItem('authloop.bank')`)).toBeNull();
    await checkA11y(b, '21-operator-signed-in');
    await page.getByRole('link', { name: 'Audit log' }).first().click();
    await expect.poll(() => page.getByTestId('chain-status').textContent(), { timeout: 15_000 }).toContain('Intact');
    await expect.poll(() => page.getByTestId('audit-events').textContent()).toContain('operator');
    await checkA11y(b, '22-operator-audit');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByTestId('face-evaluation').textContent()).toMatch(/\d+(\.\d+)?% accuracy/);
    expect(await page.getByTestId('face-evaluation').textContent()).toContain('equal error rate');
    await checkA11y(b, '23-dashboard-face-evaluation');
    await page.getByRole('link', { name: 'admin@bank.test' }).click();
    await page.getByRole('button', { name: 'Sign out operator' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
  });
});
