import type { Queryable } from '@authloop/store';

/** A stored liveness session. */
export interface LivenessSessionRow {
  readonly id: string;
  readonly tenantId: string;
  readonly subjectId: string | null;
  readonly challenges: readonly string[];
  readonly nonce: string;
  readonly status: 'pending' | 'streaming' | 'passed' | 'failed';
  readonly expiresAt: Date;
  readonly startedAt: Date | null;
  readonly completedAt: Date | null;
  readonly passed: boolean | null;
  readonly reasons: readonly string[];
  readonly scores: unknown;
  readonly challengeResults: unknown;
  readonly keyId: string | null;
  readonly meshEnc: Uint8Array | null;
  readonly templateEnc: Uint8Array | null;
  readonly templateHash: string | null;
  readonly tokenJti: string | null;
  readonly tokenExpiresAt: Date | null;
  readonly tokenConsumedAt: Date | null;
  readonly createdAt: Date;
}

interface Row {
  id: string;
  tenant_id: string;
  subject_id: string | null;
  challenges: string[];
  nonce: string;
  status: LivenessSessionRow['status'];
  expires_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  passed: boolean | null;
  reasons: string[];
  scores: unknown;
  challenge_results: unknown;
  key_id: string | null;
  mesh_enc: Uint8Array | null;
  template_enc: Uint8Array | null;
  template_hash: string | null;
  token_jti: string | null;
  token_expires_at: Date | null;
  token_consumed_at: Date | null;
  created_at: Date;
}

const date = (d: Date | null): Date | null => (d === null ? null : new Date(d));
const bytes = (b: Uint8Array | null): Uint8Array | null => (b === null ? null : new Uint8Array(b));

const toSession = (r: Row): LivenessSessionRow => ({
  id: r.id,
  tenantId: r.tenant_id,
  subjectId: r.subject_id,
  challenges: r.challenges,
  nonce: r.nonce,
  status: r.status,
  expiresAt: new Date(r.expires_at),
  startedAt: date(r.started_at),
  completedAt: date(r.completed_at),
  passed: r.passed,
  reasons: r.reasons,
  scores: r.scores,
  challengeResults: r.challenge_results,
  keyId: r.key_id,
  meshEnc: bytes(r.mesh_enc),
  templateEnc: bytes(r.template_enc),
  templateHash: r.template_hash,
  tokenJti: r.token_jti,
  tokenExpiresAt: date(r.token_expires_at),
  tokenConsumedAt: date(r.token_consumed_at),
  createdAt: new Date(r.created_at),
});

/** The result written when a session ends. */
export type LivenessCompletion = Pick<LivenessSessionRow, 'reasons' | 'scores' | 'challengeResults' | 'keyId' | 'meshEnc' | 'templateEnc' | 'templateHash' | 'tokenJti' | 'tokenExpiresAt'> & {
  readonly status: 'passed' | 'failed';
  readonly completedAt: Date;
  readonly passed: boolean;
};

/** Storage of liveness sessions and frame digests; every call is scoped by tenant. */
export function livenessRepository(db: Queryable) {
  return {
    async insert(s: { id: string; tenantId: string; subjectId: string | null; createdBy: { type: string; id: string | null }; challenges: readonly string[]; nonce: string; ticketHash: string; expiresAt: Date; createdAt: Date }): Promise<LivenessSessionRow> {
      const [row] = await db.query<Row>(
        `INSERT INTO liveness_sessions (id, tenant_id, subject_id, created_by_type, created_by_id, challenges, nonce, ticket_hash, expires_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [s.id, s.tenantId, s.subjectId, s.createdBy.type, s.createdBy.id, [...s.challenges], s.nonce, s.ticketHash, s.expiresAt, s.createdAt],
      );
      if (row === undefined) throw new Error('insert returned no row');
      return toSession(row);
    },
    async get(tenantId: string, id: string): Promise<LivenessSessionRow | null> {
      const [row] = await db.query<Row>('SELECT * FROM liveness_sessions WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
      return row === undefined ? null : toSession(row);
    },
    /** Spends a stream ticket (single use): the session it opens, or null when unknown or already used. */
    async useTicket(sessionId: string, ticketHash: string, at: Date): Promise<LivenessSessionRow | null> {
      const [row] = await db.query<Row>(
        'UPDATE liveness_sessions SET ticket_used_at = $3 WHERE id = $1 AND ticket_hash = $2 AND ticket_used_at IS NULL RETURNING *',
        [sessionId, ticketHash, at],
      );
      return row === undefined ? null : toSession(row);
    },
    /** Marks a pending session as streaming (one stream per session); false when it was not pending. */
    async start(tenantId: string, id: string, at: Date): Promise<boolean> {
      const rows = await db.query("UPDATE liveness_sessions SET status = 'streaming', started_at = $3, ticket_used_at = COALESCE(ticket_used_at, $3) WHERE tenant_id = $1 AND id = $2 AND status = 'pending' RETURNING id", [tenantId, id, at]);
      return rows.length > 0;
    },
    async complete(tenantId: string, id: string, c: LivenessCompletion): Promise<void> {
      await db.query(
        `UPDATE liveness_sessions SET status = $3, completed_at = $4, passed = $5, reasons = $6, scores = $7, challenge_results = $8, key_id = $9,
           mesh_enc = $10, template_enc = $11, template_hash = $12, token_jti = $13, token_expires_at = $14
         WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id, c.status, c.completedAt, c.passed, [...c.reasons], JSON.stringify(c.scores), JSON.stringify(c.challengeResults), c.keyId, c.meshEnc, c.templateEnc, c.templateHash, c.tokenJti, c.tokenExpiresAt],
      );
    },
    /** Spends a liveness token (single use): true when this call consumed it. */
    async consumeToken(tenantId: string, id: string, jti: string, at: Date): Promise<boolean> {
      const rows = await db.query(
        'UPDATE liveness_sessions SET token_consumed_at = $4 WHERE tenant_id = $1 AND id = $2 AND token_jti = $3 AND token_consumed_at IS NULL RETURNING id',
        [tenantId, id, jti, at],
      );
      return rows.length > 0;
    },
    /** Records a frame digest; returns the id of an earlier session that already sent these bytes, or null. */
    async recordFrame(tenantId: string, sessionId: string, digest: string): Promise<string | null> {
      const inserted = await db.query('INSERT INTO liveness_frame_digests (tenant_id, digest, session_id) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, digest) DO NOTHING RETURNING session_id', [tenantId, digest, sessionId]);
      if (inserted.length > 0) return null;
      const [row] = await db.query<{ session_id: string }>('SELECT session_id FROM liveness_frame_digests WHERE tenant_id = $1 AND digest = $2', [tenantId, digest]);
      return row === undefined || row.session_id === sessionId ? null : row.session_id;
    },
    /** The tenant's `settings.liveness` object (unparsed). */
    async settings(tenantId: string): Promise<unknown> {
      const [row] = await db.query<{ liveness: unknown }>("SELECT settings -> 'liveness' AS liveness FROM tenants WHERE id = $1", [tenantId]);
      return row?.liveness ?? null;
    },
    /** Replaces the tenant's `settings.liveness` object. */
    async saveSettings(tenantId: string, liveness: Readonly<Record<string, unknown>>): Promise<void> {
      await db.query("UPDATE tenants SET settings = jsonb_set(settings, '{liveness}', $2::jsonb, true) WHERE id = $1", [tenantId, JSON.stringify(liveness)]);
    },
  };
}

export type LivenessRepository = ReturnType<typeof livenessRepository>;
