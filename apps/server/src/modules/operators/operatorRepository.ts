import type { Queryable } from '@authloop/store';
import type { OperatorRole } from './roles.ts';

/** A person who runs a tenant (or, with `tenantId` null, the platform). */
export interface Operator {
  readonly id: string;
  readonly tenantId: string | null;
  readonly email: string;
  readonly role: OperatorRole;
  readonly passwordHash: string;
  readonly failedAttempts: number;
  readonly lockedUntil: Date | null;
  readonly disabledAt: Date | null;
  readonly createdAt: Date;
}

/** An operator's WebAuthn credential (second factor). */
export interface OperatorPasskey {
  readonly id: string;
  readonly operatorId: string;
  readonly publicKey: Uint8Array;
  readonly counter: number;
  readonly transports: readonly string[];
}

interface Row {
  id: string;
  tenant_id: string | null;
  email: string;
  role: OperatorRole;
  password_hash: string;
  failed_attempts: number;
  locked_until: Date | null;
  disabled_at: Date | null;
  created_at: Date;
}

const toOperator = (r: Row): Operator => ({
  id: r.id,
  tenantId: r.tenant_id,
  email: r.email,
  role: r.role,
  passwordHash: r.password_hash,
  failedAttempts: Number(r.failed_attempts),
  lockedUntil: r.locked_until === null ? null : new Date(r.locked_until),
  disabledAt: r.disabled_at === null ? null : new Date(r.disabled_at),
  createdAt: new Date(r.created_at),
});

/** `tenant_id IS NOT DISTINCT FROM $1`: one query shape for tenant operators and superadmins. */
const SAME_TENANT = 'tenant_id IS NOT DISTINCT FROM $1::uuid';

/** Storage of operators, their passkeys and their single-use WebAuthn challenges. Scoped by tenant (null = platform). */
export function operatorRepository(db: Queryable) {
  return {
    async insert(o: Omit<Operator, 'failedAttempts' | 'lockedUntil' | 'disabledAt'>): Promise<Operator> {
      const [row] = await db.query<Row>('INSERT INTO operators (id, tenant_id, email, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *', [
        o.id,
        o.tenantId,
        o.email,
        o.role,
        o.passwordHash,
        o.createdAt,
      ]);
      if (row === undefined) throw new Error('insert returned no row');
      return toOperator(row);
    },
    async byEmail(tenantId: string | null, email: string): Promise<Operator | null> {
      const [row] = await db.query<Row>(`SELECT * FROM operators WHERE ${SAME_TENANT} AND lower(email) = lower($2)`, [tenantId, email]);
      return row === undefined ? null : toOperator(row);
    },
    async get(tenantId: string | null, id: string): Promise<Operator | null> {
      const [row] = await db.query<Row>(`SELECT * FROM operators WHERE ${SAME_TENANT} AND id = $2`, [tenantId, id]);
      return row === undefined ? null : toOperator(row);
    },
    async list(tenantId: string): Promise<Operator[]> {
      return (await db.query<Row>('SELECT * FROM operators WHERE tenant_id = $1 ORDER BY created_at, id', [tenantId])).map(toOperator);
    },
    async recordFailure(id: string, maxFailures: number, lockUntil: Date): Promise<void> {
      await db.query('UPDATE operators SET failed_attempts = failed_attempts + 1, locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3 ELSE locked_until END WHERE id = $1', [id, maxFailures, lockUntil]);
    },
    async recordSuccess(id: string): Promise<void> {
      await db.query('UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [id]);
    },
    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db.query('UPDATE operators SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
    },
    async disable(tenantId: string, id: string, at: Date): Promise<boolean> {
      return (await db.query('UPDATE operators SET disabled_at = $3 WHERE tenant_id = $1 AND id = $2 AND disabled_at IS NULL RETURNING id', [tenantId, id, at])).length > 0;
    },
    async passkeys(operatorId: string): Promise<OperatorPasskey[]> {
      const rows = await db.query<{ id: string; operator_id: string; public_key: string; counter: string | number; transports: string[] }>('SELECT * FROM operator_passkeys WHERE operator_id = $1 ORDER BY created_at', [operatorId]);
      return rows.map((r) => ({ id: r.id, operatorId: r.operator_id, publicKey: new Uint8Array(Buffer.from(r.public_key, 'base64url')), counter: Number(r.counter), transports: r.transports }));
    },
    async insertPasskey(p: OperatorPasskey, at: Date): Promise<void> {
      await db.query('INSERT INTO operator_passkeys (id, operator_id, public_key, counter, transports, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        p.id,
        p.operatorId,
        Buffer.from(p.publicKey).toString('base64url'),
        p.counter,
        [...p.transports],
        at,
      ]);
    },
    async updatePasskeyCounter(id: string, counter: number, at: Date): Promise<void> {
      await db.query('UPDATE operator_passkeys SET counter = $2, last_used_at = $3 WHERE id = $1', [id, counter, at]);
    },
    async insertChallenge(c: { id: string; operatorId: string; purpose: 'register' | 'sign-in'; challenge: string; expiresAt: Date }): Promise<void> {
      await db.query('INSERT INTO operator_challenges (id, operator_id, purpose, challenge, expires_at) VALUES ($1, $2, $3, $4, $5)', [c.id, c.operatorId, c.purpose, c.challenge, c.expiresAt]);
    },
    /** Marks a challenge used and returns it, once: a second call (replay) returns null. */
    async consumeChallenge(id: string, purpose: 'register' | 'sign-in', now: Date): Promise<{ operatorId: string; challenge: string } | null> {
      const [row] = await db.query<{ operator_id: string; challenge: string }>(
        'UPDATE operator_challenges SET used_at = $3 WHERE id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING operator_id, challenge',
        [id, purpose, now],
      );
      return row === undefined ? null : { operatorId: row.operator_id, challenge: row.challenge };
    },
  };
}

export type OperatorRepository = ReturnType<typeof operatorRepository>;
