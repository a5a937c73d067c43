import type { z } from 'zod';
import type { Transaction } from './transactionRepository.ts';
import type { transactionView } from './schema.ts';

/** The public view of a transaction. */
export function toTransactionView(t: Transaction): z.infer<typeof transactionView> {
  return {
    id: t.id,
    subjectId: t.subjectId,
    status: t.status,
    amount: t.amount,
    currency: t.currency,
    payee: { name: t.payee.name, account: t.payee.account },
    reference: t.reference,
    requires: [...t.requires],
    expiresAt: t.expiresAt.toISOString(),
    createdAt: t.createdAt.toISOString(),
    decidedAt: t.decidedAt === null ? null : t.decidedAt.toISOString(),
    factors: t.factors === null ? null : [...t.factors],
    artifact: t.artifact,
  };
}
