-- Policy (versioned per tenant) and risk signals (authentication attempts, factor locks).

CREATE TABLE tenant_policies (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  version integer NOT NULL,
  policy jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  actor_type text NOT NULL,
  actor_id text,
  PRIMARY KEY (tenant_id, version)
);

CREATE TABLE auth_attempts (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id uuid,
  factor text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
  ip text,
  ip_network text,
  device_id text,
  risk_score integer,
  occurred_at timestamptz NOT NULL
);
CREATE INDEX auth_attempts_subject ON auth_attempts (tenant_id, subject_id, occurred_at);
CREATE INDEX auth_attempts_ip ON auth_attempts (tenant_id, ip, occurred_at);

CREATE TABLE factor_locks (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id uuid NOT NULL,
  factor text NOT NULL,
  locked_at timestamptz NOT NULL,
  locked_until timestamptz,
  PRIMARY KEY (tenant_id, subject_id, factor)
);
