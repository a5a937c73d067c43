import type { Queryable } from '@authloop/store';

/** A registered WebAuthn credential of a subject. */
export interface PasskeyCredential {
  readonly id: string;
  readonly tenantId: string;
  readonly subjectId: string;
  /** base64url credential id. */
  readonly credentialId: string;
  /** base64url COSE public key. */
  readonly publicKey: string;
  readonly signCount: number;
  readonly transports: readonly string[];
  readonly aaguid: string;
  readonly attestationFormat: string;
  readonly deviceType: 'singleDevice' | 'multiDevice';
  readonly backedUp: boolean;
  readonly name: string;
  readonly flaggedAt: Date | null;
  readonly flagReason: string | null;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
  readonly createdAt: Date;
}

interface Row {
  id: string;
  tenant_id: string;
  subject_id: string;
  credential_id: string;
  public_key: string;
  sign_count: string | number;
  transports: string[];
  aaguid: string;
  attestation_format: string;
  device_type: string;
  backed_up: boolean;
  name: string;
  flagged_at: Date | null;
  flag_reason: string | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
}

const date = (d: Date | null) => (d === null ? null : new Date(d));

const toCredential = (r: Row): PasskeyCredential => ({
  id: r.id,
  tenantId: r.tenant_id,
  subjectId: r.subject_id,
  credentialId: r.credential_id,
  publicKey: r.public_key,
  signCount: Number(r.sign_count),
  transports: r.transports,
  aaguid: r.aaguid,
  attestationFormat: r.attestation_format,
  deviceType: r.device_type === 'multiDevice' ? 'multiDevice' : 'singleDevice',
  backedUp: r.backed_up,
  name: r.name,
  flaggedAt: date(r.flagged_at),
  flagReason: r.flag_reason,
  revokedAt: date(r.revoked_at),
  lastUsedAt: date(r.last_used_at),
  createdAt: new Date(r.created_at),
});

/** Storage of passkeys and WebAuthn user handles; every call is scoped by tenant. */
export function credentialRepository(db: Queryable) {
  return {
    async userHandle(tenantId: string, subjectId: string): Promise<string | null> {
      const [row] = await db.query<{ user_handle: string }>('SELECT user_handle FROM passkey_users WHERE tenant_id = $1 AND subject_id = $2', [tenantId, subjectId]);
      return row?.user_handle ?? null;
    },
    /** Stores `handle` unless the subject has one already; returns the subject's handle. */
    async ensureUserHandle(tenantId: string, subjectId: string, handle: string): Promise<string> {
      await db.query('INSERT INTO passkey_users (tenant_id, subject_id, user_handle) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, subject_id) DO NOTHING', [tenantId, subjectId, handle]);
      const stored = await this.userHandle(tenantId, subjectId);
      if (stored === null) throw new Error('user handle missing after insert');
      return stored;
    },
    async insert(c: Omit<PasskeyCredential, 'flaggedAt' | 'flagReason' | 'revokedAt' | 'lastUsedAt' | 'createdAt'> & { createdAt: Date }): Promise<PasskeyCredential> {
      const [row] = await db.query<Row>(
        `INSERT INTO passkey_credentials (id, tenant_id, subject_id, credential_id, public_key, sign_count, transports, aaguid, attestation_format, device_type, backed_up, name, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
        [c.id, c.tenantId, c.subjectId, c.credentialId, c.publicKey, c.signCount, [...c.transports], c.aaguid, c.attestationFormat, c.deviceType, c.backedUp, c.name, c.createdAt],
      );
      if (row === undefined) throw new Error('insert returned no row');
      return toCredential(row);
    },
    async byCredentialId(tenantId: string, credentialId: string): Promise<PasskeyCredential | null> {
      const [row] = await db.query<Row>('SELECT * FROM passkey_credentials WHERE tenant_id = $1 AND credential_id = $2', [tenantId, credentialId]);
      return row === undefined ? null : toCredential(row);
    },
    /** Locks the row (PostgreSQL) so concurrent assertions update the counter one at a time. */
    async byCredentialIdForUpdate(tenantId: string, credentialId: string): Promise<PasskeyCredential | null> {
      const [row] = await db.query<Row>('SELECT * FROM passkey_credentials WHERE tenant_id = $1 AND credential_id = $2 FOR UPDATE', [tenantId, credentialId]);
      return row === undefined ? null : toCredential(row);
    },
    async get(tenantId: string, subjectId: string, id: string): Promise<PasskeyCredential | null> {
      const [row] = await db.query<Row>('SELECT * FROM passkey_credentials WHERE tenant_id = $1 AND subject_id = $2 AND id = $3', [tenantId, subjectId, id]);
      return row === undefined ? null : toCredential(row);
    },
    /** The subject's passkeys, oldest first; revoked ones only when asked. */
    async listBySubject(tenantId: string, subjectId: string, { includeRevoked = false }: { includeRevoked?: boolean } = {}): Promise<PasskeyCredential[]> {
      const rows = await db.query<Row>(
        `SELECT * FROM passkey_credentials WHERE tenant_id = $1 AND subject_id = $2 ${includeRevoked ? '' : 'AND revoked_at IS NULL'} ORDER BY created_at, id`,
        [tenantId, subjectId],
      );
      return rows.map(toCredential);
    },
    async recordUse(tenantId: string, id: string, signCount: number, backedUp: boolean, at: Date): Promise<void> {
      await db.query('UPDATE passkey_credentials SET sign_count = $3, backed_up = $4, last_used_at = $5 WHERE tenant_id = $1 AND id = $2', [tenantId, id, signCount, backedUp, at]);
    },
    async flag(tenantId: string, id: string, reason: string, at: Date): Promise<void> {
      await db.query('UPDATE passkey_credentials SET flagged_at = $3, flag_reason = $4 WHERE tenant_id = $1 AND id = $2 AND flagged_at IS NULL', [tenantId, id, at, reason]);
    },
    async rename(tenantId: string, subjectId: string, id: string, name: string): Promise<PasskeyCredential | null> {
      const [row] = await db.query<Row>('UPDATE passkey_credentials SET name = $4 WHERE tenant_id = $1 AND subject_id = $2 AND id = $3 AND revoked_at IS NULL RETURNING *', [tenantId, subjectId, id, name]);
      return row === undefined ? null : toCredential(row);
    },
    async revoke(tenantId: string, subjectId: string, id: string, at: Date): Promise<PasskeyCredential | null> {
      const [row] = await db.query<Row>('UPDATE passkey_credentials SET revoked_at = $4 WHERE tenant_id = $1 AND subject_id = $2 AND id = $3 AND revoked_at IS NULL RETURNING *', [tenantId, subjectId, id, at]);
      return row === undefined ? null : toCredential(row);
    },
  };
}

export type CredentialRepository = ReturnType<typeof credentialRepository>;
