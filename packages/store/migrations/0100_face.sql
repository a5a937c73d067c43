-- Face (issue 4): protected templates and lockout state.
--
-- face_templates holds one row per enrolled subject:
--   search_vector  the normalised mean of the primary recogniser's vectors, multiplied by a secret
--                  per-tenant orthogonal matrix (cosine-preserving, so the HNSW cosine index works;
--                  not the engine's embedding). Dimension varies by engine, so each supported
--                  dimension has its own partial index over a cast expression.
--   sealed         AES-256-GCM (tenant data key `key_id`, AAD = tenant, subject and row id) of every
--                  sample's vectors and metadata.
-- Nothing here is in clear but the subject id, counts, times and the per-subject threshold.

CREATE TABLE face_templates (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  id uuid NOT NULL UNIQUE,
  engine text NOT NULL,
  search_model text NOT NULL,
  dims integer NOT NULL CHECK (dims BETWEEN 2 AND 2000),
  search_vector vector NOT NULL,
  sample_count integer NOT NULL CHECK (sample_count > 0),
  threshold double precision NOT NULL,
  key_id text NOT NULL,
  sealed bytea NOT NULL,
  enrolled_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, subject_id)
);
CREATE INDEX face_templates_key ON face_templates (tenant_id, key_id);
CREATE INDEX face_templates_model ON face_templates (tenant_id, search_model);
CREATE INDEX face_templates_search_128 ON face_templates USING hnsw ((search_vector::vector(128)) vector_cosine_ops) WHERE dims = 128;
CREATE INDEX face_templates_search_512 ON face_templates USING hnsw ((search_vector::vector(512)) vector_cosine_ops) WHERE dims = 512;
CREATE INDEX face_templates_search_1024 ON face_templates USING hnsw ((search_vector::vector(1024)) vector_cosine_ops) WHERE dims = 1024;

-- Consecutive failed verifications per subject (NIST SP 800-63B-4 §5.2.2 throttling).
CREATE TABLE face_lockouts (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  consecutive_failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, subject_id)
);
