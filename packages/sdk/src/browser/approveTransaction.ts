import { startAuthentication } from '@simplewebauthn/browser';
import type { AuthloopClient } from '../createAuthloopClient.ts';
import type { ApprovalResult } from '../serverTypes.ts';

/**
 * Approves a payment with a passkey: fetches the challenge bound to this amount and payee, signs
 * it with `navigator.credentials.get`, and returns the approved transaction with its artefact.
 * Pass `faceToken` when the transaction's `requires` lists `face`.
 */
export async function approveTransaction({ client, transactionId, faceToken }: { client: AuthloopClient; transactionId: string; faceToken?: string }): Promise<ApprovalResult> {
  const challenge = await client.transactions.challenge(transactionId);
  const credential = await startAuthentication({ optionsJSON: challenge.publicKey });
  return client.transactions.approve(transactionId, {
    credential: { ...credential, clientExtensionResults: { ...credential.clientExtensionResults } },
    ...(faceToken === undefined ? {} : { factors: { face: { token: faceToken } } }),
  });
}
