import { expect } from 'vitest';
import { defaultPolicy } from '../../src/modules/policy/policySchema.ts';
import type { Factor, PolicyInput } from '../../src/modules/policy/policySchema.ts';
import type { Harness } from '../harness.ts';
import type { PasskeyTenant } from './passkeyFixtures.ts';
import { SoftAuthenticator } from './softAuthenticator.ts';

/** The approval challenge answer of `POST /v1/transactions/{id}/challenge`. */
export interface ApprovalChallengeJson {
  transaction: { id: string; amount: string; currency: string; status: string };
  publicKey: { challenge: string; rpId?: string; allowCredentials?: { id: string }[]; userVerification?: string };
  dynamicLinking: { algorithm: string; nonce: string; hashInput: string };
  securePaymentConfirmation: { rpId: string; credentialIds: string[]; challenge: string; payeeName: string; total: { currency: string; value: string } };
}

/** A transaction as the API answers it. */
export interface TransactionJson {
  id: string;
  status: string;
  amount: string;
  currency: string;
  requires: string[];
  factors: string[] | null;
  artifact: string | null;
  expiresAt: string;
}

/** Registers a software passkey for the tenant's subject. */
export async function registerSoftPasskey(h: Harness, t: PasskeyTenant, auth = new SoftAuthenticator()): Promise<SoftAuthenticator> {
  const o = await h.app.server.inject({ method: 'POST', url: '/v1/me/passkeys/registration/options', headers: t.subjectAuth, payload: {} });
  const v = await h.app.server.inject({ method: 'POST', url: '/v1/me/passkeys/registration/verify', headers: t.subjectAuth, payload: { credential: auth.create(o.json()) } });
  expect(v.statusCode).toBe(201);
  return auth;
}

/** Creates a transaction as the bank. */
export async function createTransaction(h: Harness, t: PasskeyTenant, body: Record<string, unknown> = {}): Promise<TransactionJson> {
  const res = await h.app.server.inject({
    method: 'POST',
    url: '/v1/transactions',
    headers: t.clientAuth,
    payload: { subjectId: t.subjectId, amount: '125.5', currency: 'EUR', payee: { name: 'ACME Ltd', account: 'DE89370400440532013000' }, reference: 'INV-1', ...body },
  });
  expect(res.statusCode).toBe(201);
  return res.json<TransactionJson>();
}

/** Gets the approval challenge as the subject. */
export async function approvalChallenge(h: Harness, t: PasskeyTenant, id: string): Promise<ApprovalChallengeJson> {
  const res = await h.app.server.inject({ method: 'POST', url: `/v1/transactions/${id}/challenge`, headers: t.subjectAuth });
  expect(res.statusCode).toBe(200);
  return res.json<ApprovalChallengeJson>();
}

/**
 * The default policy with these payment rules and liveness requirement (default `never`, so a rule's
 * factors are exactly what a transaction requires), for `services.policy.set` in tests.
 */
export function paymentPolicy(rules: { maxAmountMinor: number | null; currency?: string; factors: Factor[]; stepUpFactors?: Factor[] }[], liveness: 'always' | 'never' = 'never', lockout: PolicyInput['lockout'] = { maxFailures: 100, windowS: 900, lockS: 900 }): PolicyInput {
  // Suites refuse many assertions of one subject on purpose; lockout has its own test with a low limit.
  return { ...defaultPolicy, actions: { ...defaultPolicy.actions, approvePayment: rules }, liveness: { required: liveness, riskAbove: 30 }, lockout };
}
