import type { Transport } from '../Transport.ts';
import type { ApprovalChallenge, ApprovalResult, ArtifactVerification, AuthenticationResponseJSON, CreateTransactionInput, Transaction } from '../serverTypes.ts';

const enc = encodeURIComponent;

/**
 * Payment approval. The bank creates and cancels (client token, `transactions:write`); the person
 * fetches the challenge, approves or declines (session token, `self`). For the browser ceremony
 * see `approveTransaction` in `@authloop/sdk/browser`.
 */
export function transactionsApi(t: Transport) {
  return {
    /** `POST /v1/transactions`: amount as a decimal string in major units ("1250.00"). */
    create: (input: CreateTransactionInput) => t.json<Transaction>({ method: 'POST', path: '/v1/transactions', json: input }),
    /** `GET /v1/transactions/{id}`: the bank, or the person it is for. */
    get: (transactionId: string) => t.json<Transaction>({ method: 'GET', path: `/v1/transactions/${enc(transactionId)}` }),
    /** `POST /v1/transactions/{id}/challenge`: WebAuthn options whose challenge is the hash of amount, payee and a nonce. */
    challenge: (transactionId: string) => t.json<ApprovalChallenge>({ method: 'POST', path: `/v1/transactions/${enc(transactionId)}/challenge` }),
    /** `POST /v1/transactions/{id}/approve` with the assertion (and a face token when `requires` lists face). */
    approve: (transactionId: string, input: { credential: AuthenticationResponseJSON; factors?: { face?: { token: string } } }) => t.json<ApprovalResult>({ method: 'POST', path: `/v1/transactions/${enc(transactionId)}/approve`, json: input }),
    /** `POST /v1/transactions/{id}/decline`. */
    decline: (transactionId: string) => t.json<Transaction>({ method: 'POST', path: `/v1/transactions/${enc(transactionId)}/decline` }),
    /** `POST /v1/transactions/{id}/cancel` (the bank). */
    cancel: (transactionId: string) => t.json<Transaction>({ method: 'POST', path: `/v1/transactions/${enc(transactionId)}/cancel` }),
    /** `POST /v1/transactions/{id}/artifact/verify`: signature and claims against the stored transaction. */
    verifyArtifact: (transactionId: string, artifact: string) => t.json<ArtifactVerification>({ method: 'POST', path: `/v1/transactions/${enc(transactionId)}/artifact/verify`, json: { artifact } }),
  };
}

/** The transactions API group. */
export type TransactionsApi = ReturnType<typeof transactionsApi>;
