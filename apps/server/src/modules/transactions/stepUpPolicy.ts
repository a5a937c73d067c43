import { z } from 'zod';
import type { Amount } from './amount.ts';
import { AmountError, parseAmount } from './amount.ts';
import { factors } from './Factor.ts';
import type { Factor } from './Factor.ts';

const rule = z.object({
  /** Applies at or above this amount (decimal string in the rule's currency). */
  minAmount: z.string(),
  /** Applies to this currency only; without it, to every currency (compared in minor units). */
  currency: z.string().optional(),
  requires: z.array(z.enum(factors)).min(1),
});

const settingsSchema = z.object({
  ttlS: z.number().int().min(30).max(86_400).optional(),
  stepUp: z.array(rule).optional(),
});

/**
 * A tenant's transaction policy, read from `tenants.settings.transactions`:
 * `{ ttlS?: 300, stepUp?: [{ minAmount: "500.00", currency?: "EUR", requires: ["passkey", "face"] }] }`.
 * A passkey is always required; the first matching step-up rule adds its factors.
 */
export interface TransactionPolicy {
  /** How long a transaction waits for approval, seconds (default 300). */
  readonly ttlS: number;
  /** The factors approving `amount` needs, `passkey` first. */
  requires(amount: Amount): Factor[];
}

/** The transaction policy of a tenant's settings; invalid settings fall back to the defaults. */
export function stepUpPolicy(settings: Readonly<Record<string, unknown>>): TransactionPolicy {
  const parsed = settingsSchema.safeParse(settings['transactions'] ?? {});
  const s = parsed.success ? parsed.data : {};
  const rules = s.stepUp ?? [];
  return {
    ttlS: s.ttlS ?? 300,
    requires(amount: Amount): Factor[] {
      for (const r of rules) {
        if (r.currency !== undefined && r.currency !== amount.currency) continue;
        let threshold: bigint;
        try {
          threshold = parseAmount(r.minAmount, amount.currency).minor;
        } catch (error) {
          if (error instanceof AmountError) continue;
          throw error;
        }
        if (amount.minor >= threshold) return ['passkey', ...r.requires.filter((f) => f !== 'passkey')];
      }
      return ['passkey'];
    },
  };
}
