import { z } from 'zod';

/** How long a transaction waits for approval when neither the request nor the tenant says: 300 s. */
export const DEFAULT_TRANSACTION_TTL_S = 300;

const settingsSchema = z.object({ ttlS: z.number().int().min(30).max(86_400).optional() });

/**
 * Seconds a new transaction waits for approval by default, from `tenants.settings.transactions.ttlS`
 * (30..86400; missing or invalid → 300). Which factors approval needs is the policy module's
 * (`actions.approvePayment`); the former `settings.transactions.stepUp` is no longer read.
 */
export function transactionTtl(settings: Readonly<Record<string, unknown>>): number {
  const parsed = settingsSchema.safeParse(settings['transactions'] ?? {});
  return (parsed.success ? parsed.data.ttlS : undefined) ?? DEFAULT_TRANSACTION_TTL_S;
}
