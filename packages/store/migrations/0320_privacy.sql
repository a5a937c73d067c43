-- Privacy: consent records, per-subject keys (crypto-shredding), activity for retention.

CREATE TABLE consents (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id uuid NOT NULL,
  purpose text NOT NULL,
  -- What the subject was shown (a version label or a hash of the text).
  notice_version text NOT NULL,
  granted_at timestamptz NOT NULL,
  withdrawn_at timestamptz,
  actor_type text NOT NULL,
  actor_id text
);
CREATE INDEX consents_subject ON consents (tenant_id, subject_id, purpose);

-- One data key per subject, wrapped by the tenant data key. Destroying it makes everything sealed
-- with it unreadable, including copies in backups.
CREATE TABLE subject_keys (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id uuid NOT NULL,
  key_id text NOT NULL,
  tenant_key_id text NOT NULL,
  wrapped_key text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, subject_id)
);
