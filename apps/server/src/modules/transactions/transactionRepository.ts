import type { Queryable } from '@authloop/store';
import type { Factor } from './Factor.ts';

/** The life cycle of a payment approval. */
export type TransactionStatus = 'pending' | 'approved' | 'declined' | 'cancelled' | 'expired';

/** A payment the bank asks its customer to approve. */
export interface Transaction {
  readonly id: string;
  readonly tenantId: string;
  readonly subjectId: string;
  readonly clientId: string;
  /** Canonical decimal string in major units. */
  readonly amount: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly payee: { readonly name: string; readonly account: string };
  readonly reference: string;
  readonly status: TransactionStatus;
  readonly requires: readonly Factor[];
  readonly expiresAt: Date;
  readonly decidedAt: Date | null;
  readonly factors: readonly Factor[] | null;
  readonly credentialId: string | null;
  readonly artifact: string | null;
  readonly createdAt: Date;
}

interface Row {
  id: string;
  tenant_id: string;
  subject_id: string;
  client_id: string;
  amount: string;
  amount_minor: string | number;
  currency: string;
  payee_name: string;
  payee_account: string;
  reference: string;
  status: TransactionStatus;
  requires: Factor[];
  expires_at: Date;
  decided_at: Date | null;
  factors: Factor[] | null;
  credential_id: string | null;
  artifact: string | null;
  created_at: Date;
}

const toTransaction = (r: Row): Transaction => ({
  id: r.id,
  tenantId: r.tenant_id,
  subjectId: r.subject_id,
  clientId: r.client_id,
  amount: r.amount,
  amountMinor: BigInt(r.amount_minor),
  currency: r.currency,
  payee: { name: r.payee_name, account: r.payee_account },
  reference: r.reference,
  status: r.status,
  requires: r.requires,
  expiresAt: new Date(r.expires_at),
  decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
  factors: r.factors,
  credentialId: r.credential_id,
  artifact: r.artifact,
  createdAt: new Date(r.created_at),
});

/** Storage of transactions; every call is scoped by tenant. */
export function transactionRepository(db: Queryable) {
  return {
    async insert(t: Omit<Transaction, 'status' | 'decidedAt' | 'factors' | 'credentialId' | 'artifact'>): Promise<Transaction> {
      const [row] = await db.query<Row>(
        `INSERT INTO transactions (id, tenant_id, subject_id, client_id, amount, amount_minor, currency, payee_name, payee_account, reference, status, requires, expires_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12, $13) RETURNING *`,
        [t.id, t.tenantId, t.subjectId, t.clientId, t.amount, t.amountMinor.toString(), t.currency, t.payee.name, t.payee.account, t.reference, [...t.requires], t.expiresAt, t.createdAt],
      );
      if (row === undefined) throw new Error('insert returned no row');
      return toTransaction(row);
    },
    async get(tenantId: string, id: string, { forUpdate = false }: { forUpdate?: boolean } = {}): Promise<Transaction | null> {
      const [row] = await db.query<Row>(`SELECT * FROM transactions WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
      return row === undefined ? null : toTransaction(row);
    },
    /** Moves a pending transaction to a final status; null when it was no longer pending. */
    async decide(tenantId: string, id: string, d: { status: Exclude<TransactionStatus, 'pending'>; at: Date; factors?: readonly Factor[]; credentialId?: string; artifact?: string }): Promise<Transaction | null> {
      const [row] = await db.query<Row>(
        `UPDATE transactions SET status = $3, decided_at = $4, factors = $5, credential_id = $6, artifact = $7
         WHERE tenant_id = $1 AND id = $2 AND status = 'pending' RETURNING *`,
        [tenantId, id, d.status, d.at, d.factors === undefined ? null : [...d.factors], d.credentialId ?? null, d.artifact ?? null],
      );
      return row === undefined ? null : toTransaction(row);
    },
  };
}

export type TransactionRepository = ReturnType<typeof transactionRepository>;
