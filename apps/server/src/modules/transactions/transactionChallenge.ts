import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonicalJson.ts';

/** The fields a transaction challenge binds (PSD2 RTS art. 5 dynamic linking). */
export interface LinkedFields {
  readonly id: string;
  readonly amount: string;
  readonly currency: string;
  readonly payee: { readonly name: string; readonly account: string };
  readonly reference: string;
}

/**
 * The WebAuthn challenge of a transaction: SHA-256 over the canonical JSON (keys sorted, no spaces)
 * of `{ v: 1, id, amount, currency, payee: { name, account }, reference, nonce }`, base64url. Any change
 * to the amount, currency, payee or reference gives another challenge, so a signature over one cannot
 * approve another. `hashInput` is returned so a client can show and recompute what it signs.
 */
export function transactionChallenge(fields: LinkedFields, nonce: string): { challenge: string; hashInput: string } {
  const hashInput = canonicalJson({ v: 1, id: fields.id, amount: fields.amount, currency: fields.currency, payee: { name: fields.payee.name, account: fields.payee.account }, reference: fields.reference, nonce });
  return { challenge: createHash('sha256').update(hashInput, 'utf8').digest('base64url'), hashInput };
}
