import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { testDrivers } from '@authloop/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';

const bin = fileURLToPath(new URL('../../../packages/cli/bin/authloop.js', import.meta.url));

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `authloop …` as a separate process, as a bank's operator would in a shell. */
function cli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    // No AUTHLOOP_* from the test's own environment: only what each case passes.
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AUTHLOOP_')));
    execFile(process.execPath, [bin, ...args], { env: { ...base, ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

interface TransactionJson {
  id: string;
  subjectId: string;
  status: string;
  amount: string;
  currency: string;
  payee: { name: string; account: string };
  reference: string;
  expiresAt: string;
  approvalUrl: string;
}

describe.each(testDrivers())('authloop transactions against a running server on %s', (driver) => {
  let h: Harness;
  let bank: TestTenant;
  let server: string;
  let subjectId: string;
  const payee = ['--payee-name', 'ACME Ltd', '--payee-account', 'DE89370400440532013000', '--reference', 'INV-42'];
  const creds = (): string[] => ['--server', server, '--client-id', bank.clientId, '--client-secret', bank.clientSecret];

  beforeAll(async () => {
    h = await createHarness(driver);
    bank = await h.createTenant('CLI bank');
    const subject = await h.app.services.subjects.create(bank.tenantId, { externalId: 'customer-42', displayName: 'Ada' }, { type: 'system', id: null });
    subjectId = subject.id;
    await h.app.server.listen({ port: 0, host: '127.0.0.1' });
    server = `http://127.0.0.1:${(h.app.server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await h.close();
  });

  it('creates a payment for a subject named by externalId (credentials from the environment) and prints it as JSON with the approval URL', async () => {
    const r = await cli(['transactions', 'create', '--subject', 'customer-42', '--amount', '12.5', '--currency', 'eur', ...payee, '--expires-in', '600', '--json'], {
      AUTHLOOP_SERVER: server,
      AUTHLOOP_CLIENT_ID: bank.clientId,
      AUTHLOOP_CLIENT_SECRET: bank.clientSecret,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as TransactionJson;
    expect(t).toMatchObject({ subjectId, status: 'pending', amount: '12.50', currency: 'EUR', payee: { name: 'ACME Ltd', account: 'DE89370400440532013000' }, reference: 'INV-42' });
    expect(t.approvalUrl).toBe(`${server}/approve/${t.id}`);
    expect(Date.parse(t.expiresAt) - h.clock.now().getTime()).toBe(600_000);

    const stored = await h.app.services.transactions.get(bank.tenantId, t.id);
    expect(stored).toMatchObject({ id: t.id, subjectId, status: 'pending', currency: 'EUR', reference: 'INV-42' });
    // The approval URL is the web app's route, served by the same server.
    expect((await fetch(t.approvalUrl)).status).toBe(200);

    const shown = await cli(['transactions', 'show', t.id, ...creds(), '--json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: t.id, status: 'pending', amount: '12.50', approvalUrl: t.approvalUrl });
  }, 180_000);

  it('takes a subject id and prints a readable summary', async () => {
    const r = await cli(['transactions', 'create', '--subject', subjectId, '--amount', '1250.00', '--currency', 'EUR', ...payee, ...creds()]);
    expect(r.code).toBe(0);
    const id = /^Transaction ([0-9a-f-]{36}): pending$/m.exec(r.stdout)?.[1];
    expect(id).toBeDefined();
    expect(r.stdout).toContain('1250.00 EUR to ACME Ltd (DE89370400440532013000), reference INV-42');
    expect(r.stdout).toMatch(/expires: {4}\d{4}-\d\d-\d\dT/);
    expect(r.stdout).toContain(`approve at: ${server}/approve/${id}`);
  }, 180_000);

  it('refuses bad input with exit 2 and the reason, before or by the server', async () => {
    const comma = await cli(['transactions', 'create', '--subject', subjectId, '--amount', '12,50', '--currency', 'EUR', ...payee, ...creds()]);
    expect(comma).toMatchObject({ code: 2, stdout: '' });
    expect(comma.stderr).toContain('--amount must be a decimal in major units, e.g. 12.50');

    const zero = await cli(['transactions', 'create', '--subject', subjectId, '--amount', '0.00', '--currency', 'EUR', ...payee, ...creds()]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--amount must be more than zero');

    // Three decimals are too many for EUR: the server's rule (ISO 4217 minor units), answered 400.
    const cents = await cli(['transactions', 'create', '--subject', subjectId, '--amount', '12.505', '--currency', 'EUR', ...payee, ...creds()]);
    expect(cents.code).toBe(2);
    expect(cents.stderr).toMatch(/^authloop: TRANSACTION_AMOUNT_INVALID: .+\(request [\w-]+\)\n$/);

    const missing = await cli(['transactions', 'create', '--subject', subjectId, '--amount', '5', '--currency', 'EUR', ...creds()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--payee-name <name>' not specified");

    const noCreds = await cli(['transactions', 'create', '--subject', subjectId, '--amount', '5', '--currency', 'EUR', ...payee, '--server', server]);
    expect(noCreds.code).toBe(2);
    expect(noCreds.stderr).toContain('--client-id or AUTHLOOP_CLIENT_ID');
  }, 300_000);

  it('reports the server refusing an unknown subject or a wrong secret with its code and exit 1, creating nothing', async () => {
    const before = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM transactions WHERE tenant_id = $1', [bank.tenantId]);

    const unknown = await cli(['transactions', 'create', '--subject', 'customer-404', '--amount', '5', '--currency', 'EUR', ...payee, ...creds()]);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toBe('authloop: SUBJECT_NOT_FOUND: No subject has the id or externalId "customer-404" in this tenant.\n');

    const unknownId = await cli(['transactions', 'create', '--subject', '00000000-0000-4000-8000-000000000000', '--amount', '5', '--currency', 'EUR', ...payee, ...creds()]);
    expect(unknownId.code).toBe(1);
    expect(unknownId.stderr).toContain('SUBJECT_NOT_FOUND');

    const wrong = await cli(['transactions', 'create', '--subject', subjectId, '--amount', '5', '--currency', 'EUR', ...payee, '--server', server, '--client-id', bank.clientId, '--client-secret', 'cls_wrong']);
    expect(wrong).toMatchObject({ code: 1, stdout: '' });
    expect(wrong.stderr).toMatch(/^authloop: INVALID_CLIENT: /);

    const after = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM transactions WHERE tenant_id = $1', [bank.tenantId]);
    expect(after[0]?.n).toBe(before[0]?.n);

    const nothing = await cli(['transactions', 'show', '00000000-0000-4000-8000-000000000000', ...creds()]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/^authloop: TRANSACTION_NOT_FOUND: /);
  }, 300_000);
});
