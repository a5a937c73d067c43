import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount.ts';
import { stepUpPolicy } from './stepUpPolicy.ts';

const policy = stepUpPolicy({
  transactions: {
    ttlS: 120,
    stepUp: [
      { minAmount: '1000.00', currency: 'EUR', requires: ['passkey', 'face'] },
      { minAmount: '50000', requires: ['face'] },
    ],
  },
});

describe('stepUpPolicy', () => {
  it('always requires a passkey and adds face at or above a rule', () => {
    expect(policy.requires(parseAmount('999.99', 'EUR'))).toEqual(['passkey']);
    expect(policy.requires(parseAmount('1000', 'EUR'))).toEqual(['passkey', 'face']);
    expect(policy.requires(parseAmount('1000', 'USD'))).toEqual(['passkey']);
    expect(policy.requires(parseAmount('50000', 'JPY'))).toEqual(['passkey', 'face']);
    expect(policy.ttlS).toBe(120);
  });

  it('falls back to the defaults for missing or invalid settings', () => {
    expect(stepUpPolicy({}).requires(parseAmount('1000000', 'EUR'))).toEqual(['passkey']);
    expect(stepUpPolicy({ transactions: { stepUp: 'lots' } }).ttlS).toBe(300);
  });
});
