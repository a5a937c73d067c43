import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What the admin portal's operator sign-in form asks for. */
export interface OperatorSignIn {
  /** When given, `<base>/admin/sign-in` is opened first; otherwise the form must be on the page already. */
  readonly base?: string;
  readonly tenantId: string;
  readonly email: string;
  readonly password: string;
}

/**
 * Fills the operator sign-in form and clicks "Sign in", without waiting for the answer (a refusal,
 * the passkey step, or the signed-in portal).
 */
export async function submitOperatorSignIn(page: Page, { base, tenantId, email, password }: OperatorSignIn): Promise<void> {
  if (base !== undefined) await page.goto(`${base}/admin/sign-in`);
  await page.getByLabel('Tenant id').fill(tenantId);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs an operator in with the form ({@link submitOperatorSignIn}) and waits until the portal shows them signed in. */
export async function operatorSignIn(page: Page, credentials: OperatorSignIn): Promise<void> {
  await submitOperatorSignIn(page, credentials);
  await expect.poll(() => page.getByTestId('operator-signed-in').textContent()).toContain(credentials.email);
}
