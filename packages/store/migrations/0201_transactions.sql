-- Payment approval: transactions a bank asks its customer to approve, with dynamic linking and a
-- signed approval artefact.

CREATE TABLE transactions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id uuid NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  client_id text NOT NULL,
  amount text NOT NULL,
  amount_minor bigint NOT NULL,
  currency text NOT NULL,
  payee_name text NOT NULL,
  payee_account text NOT NULL,
  reference text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'cancelled', 'expired')),
  requires text[] NOT NULL,
  expires_at timestamptz NOT NULL,
  decided_at timestamptz,
  factors text[],
  credential_id text,
  artifact text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transactions_subject ON transactions (tenant_id, subject_id, created_at);
CREATE INDEX transactions_reference ON transactions (tenant_id, reference);
