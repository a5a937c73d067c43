-- Passkeys (WebAuthn / FIDO2): one WebAuthn user handle per subject, registered credentials, and
-- server-side ceremony challenges (single-use, expiring) for the database challenge store.

CREATE TABLE passkey_users (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  user_handle text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, subject_id),
  UNIQUE (tenant_id, user_handle)
);

CREATE TABLE passkey_credentials (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  credential_id text NOT NULL,
  public_key text NOT NULL,
  sign_count bigint NOT NULL DEFAULT 0,
  transports text[] NOT NULL DEFAULT '{}',
  aaguid text NOT NULL,
  attestation_format text NOT NULL,
  device_type text NOT NULL,
  backed_up boolean NOT NULL,
  name text NOT NULL,
  flagged_at timestamptz,
  flag_reason text,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, credential_id)
);
CREATE INDEX passkey_credentials_subject ON passkey_credentials (tenant_id, subject_id);

CREATE TABLE webauthn_challenges (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  key text NOT NULL,
  record jsonb NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (tenant_id, key)
);
CREATE INDEX webauthn_challenges_expiry ON webauthn_challenges (expires_at);
