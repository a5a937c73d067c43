-- Operators: the people who run a tenant (admin, operator, auditor) and platform superadmins.

CREATE TABLE operators (
  id uuid PRIMARY KEY,
  -- NULL for a platform superadmin.
  tenant_id uuid REFERENCES tenants(id) ON DELETE CASCADE,
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('superadmin', 'admin', 'operator', 'auditor')),
  password_hash text NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK ((role = 'superadmin') = (tenant_id IS NULL))
);
CREATE UNIQUE INDEX operators_email ON operators (COALESCE(tenant_id::text, 'platform'), lower(email));

CREATE TABLE operator_passkeys (
  id text PRIMARY KEY,
  operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
  public_key text NOT NULL,
  counter bigint NOT NULL,
  transports text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  last_used_at timestamptz
);
CREATE INDEX operator_passkeys_operator ON operator_passkeys (operator_id);

-- Single-use WebAuthn challenges (registration, and the second step of sign-in).
CREATE TABLE operator_challenges (
  id text PRIMARY KEY,
  operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('register', 'sign-in')),
  challenge text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
