import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { transactionChallenge } from './transactionChallenge.ts';

const fields = { id: '7d0f8c1e-1111-4222-8333-444455556666', amount: '125.50', currency: 'EUR', payee: { name: 'ACME Ltd', account: 'DE89370400440532013000' }, reference: 'INV-1' };

describe('transactionChallenge (dynamic linking)', () => {
  it('is SHA-256 over the canonical JSON of the fields and the nonce', () => {
    const { challenge, hashInput } = transactionChallenge(fields, 'bm9uY2U');
    expect(hashInput).toBe('{"amount":"125.50","currency":"EUR","id":"7d0f8c1e-1111-4222-8333-444455556666","nonce":"bm9uY2U","payee":{"account":"DE89370400440532013000","name":"ACME Ltd"},"reference":"INV-1","v":1}');
    expect(challenge).toBe(createHash('sha256').update(hashInput).digest('base64url'));
  });

  it('changes with every bound field and the nonce', () => {
    const base = transactionChallenge(fields, 'n').challenge;
    const variants = [
      { ...fields, amount: '125.51' },
      { ...fields, currency: 'USD' },
      { ...fields, payee: { ...fields.payee, name: 'ACME Ltd.' } },
      { ...fields, payee: { ...fields.payee, account: 'DE89370400440532013001' } },
      { ...fields, reference: 'INV-2' },
      { ...fields, id: '7d0f8c1e-1111-4222-8333-444455556667' },
    ];
    for (const v of variants) expect(transactionChallenge(v, 'n').challenge).not.toBe(base);
    expect(transactionChallenge(fields, 'm').challenge).not.toBe(base);
  });
});
