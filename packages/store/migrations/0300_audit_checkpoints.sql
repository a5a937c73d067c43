-- Audit: signed checkpoints of each tenant's hash chain (issue 6).
-- A checkpoint is a JWS (EdDSA, server key ring) over { tid, seq, hash }: rows up to `seq` cannot be
-- edited, deleted or reordered without `authloop audit verify` noticing, even by someone who also
-- rewrites audit_heads.

CREATE TABLE audit_checkpoints (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  hash text NOT NULL,
  jws text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_events_action ON audit_events (tenant_id, action, occurred_at);
