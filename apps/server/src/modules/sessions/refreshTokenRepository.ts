import type { Queryable } from '@authloop/store';

/** One refresh token of a family (a family is one sign-in; each use rotates to a new member). */
export interface RefreshTokenRow {
  readonly id: string;
  readonly tenantId: string;
  readonly familyId: string;
  readonly principalType: 'subject' | 'operator';
  readonly principalId: string;
  readonly scopes: readonly string[];
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly revokedAt: Date | null;
}

interface Row {
  id: string;
  tenant_id: string;
  family_id: string;
  principal_type: 'subject' | 'operator';
  principal_id: string;
  scopes: string[];
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

const toRow = (r: Row): RefreshTokenRow => ({
  id: r.id,
  tenantId: r.tenant_id,
  familyId: r.family_id,
  principalType: r.principal_type,
  principalId: r.principal_id,
  scopes: r.scopes,
  expiresAt: new Date(r.expires_at),
  usedAt: r.used_at === null ? null : new Date(r.used_at),
  revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
});

/** Storage of hashed refresh tokens. */
export function refreshTokenRepository(db: Queryable) {
  return {
    async insert(t: Omit<RefreshTokenRow, 'usedAt' | 'revokedAt'> & { tokenHash: string }): Promise<void> {
      await db.query(
        'INSERT INTO refresh_tokens (id, tenant_id, family_id, token_hash, principal_type, principal_id, scopes, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [t.id, t.tenantId, t.familyId, t.tokenHash, t.principalType, t.principalId, [...t.scopes], t.expiresAt],
      );
    },
    /** Locks the row for update (PostgreSQL); PGlite serialises transactions anyway. */
    async findByHashForUpdate(tokenHash: string): Promise<RefreshTokenRow | null> {
      const [row] = await db.query<Row>('SELECT * FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE', [tokenHash]);
      return row === undefined ? null : toRow(row);
    },
    async markUsed(id: string, at: Date): Promise<boolean> {
      const rows = await db.query('UPDATE refresh_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id', [id, at]);
      return rows.length > 0;
    },
    async revokeFamily(familyId: string, at: Date): Promise<void> {
      await db.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [familyId, at]);
    },
    async revokeAllFor(tenantId: string, principalType: string, principalId: string, at: Date): Promise<void> {
      await db.query('UPDATE refresh_tokens SET revoked_at = $4 WHERE tenant_id = $1 AND principal_type = $2 AND principal_id = $3 AND revoked_at IS NULL', [
        tenantId,
        principalType,
        principalId,
        at,
      ]);
    },
  };
}
