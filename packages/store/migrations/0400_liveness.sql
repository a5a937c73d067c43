-- Active liveness sessions (issue 7): challenge sequence, single-use stream ticket, result, the best
-- frame's mesh and template (sealed with the tenant's data key), and the single-use liveness token.

CREATE TABLE liveness_sessions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id uuid REFERENCES subjects(id) ON DELETE CASCADE,
  created_by_type text NOT NULL,
  created_by_id text,
  challenges text[] NOT NULL,
  nonce text NOT NULL,
  ticket_hash text NOT NULL UNIQUE,
  ticket_used_at timestamptz,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'streaming', 'passed', 'failed')),
  expires_at timestamptz NOT NULL,
  started_at timestamptz,
  completed_at timestamptz,
  passed boolean,
  reasons text[] NOT NULL DEFAULT '{}',
  scores jsonb,
  challenge_results jsonb,
  key_id text,
  mesh_enc bytea,
  template_enc bytea,
  template_hash text,
  token_jti uuid,
  token_expires_at timestamptz,
  token_consumed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX liveness_sessions_tenant ON liveness_sessions (tenant_id, created_at);
CREATE INDEX liveness_sessions_subject ON liveness_sessions (tenant_id, subject_id);

-- SHA-256 of every frame a session received: the same bytes arriving in another session are a replay.
CREATE TABLE liveness_frame_digests (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  digest text NOT NULL,
  session_id uuid NOT NULL REFERENCES liveness_sessions(id) ON DELETE CASCADE,
  PRIMARY KEY (tenant_id, digest)
);
CREATE INDEX liveness_frame_digests_session ON liveness_frame_digests (session_id);
