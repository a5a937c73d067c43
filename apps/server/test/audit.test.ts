import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';

describe.each(testDrivers())('audit chain on %s', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(driver);
  });
  afterAll(async () => {
    await h.close();
  });

  /** A tenant with `n` extra events after `tenant.create` (seq 1), so seqs run 1..n+1. */
  async function tenantWithEvents(n: number): Promise<TestTenant> {
    const t = await h.createTenant();
    for (let i = 0; i < n; i++) {
      await h.db.transaction((tx) =>
        h.app.services.audit.record(tx, { tenantId: t.tenantId, actor: { type: 'system', id: null }, action: i % 2 === 0 ? 'face.verify' : 'passkey.register', outcome: i % 3 === 0 ? 'failure' : 'success', details: { i } }),
      );
      h.clock.advance(1000);
    }
    return t;
  }
  const verify = (t: TestTenant) => h.app.services.auditTrail.verify(t.tenantId);

  it('an untouched chain verifies, with its signed checkpoint', async () => {
    const t = await tenantWithEvents(5);
    expect(await h.app.services.auditTrail.checkpoint(t.tenantId)).toBe(6);
    const r = await verify(t);
    expect(r).toMatchObject({ valid: true, records: 6, checkpointsVerified: 1, anchoredThrough: 6, firstBad: null });
  });

  it('finds an edited record', async () => {
    const t = await tenantWithEvents(5);
    await h.db.query(`UPDATE audit_events SET details = '{"i": 99}'::jsonb WHERE tenant_id = $1 AND seq = 4`, [t.tenantId]);
    expect((await verify(t)).firstBad).toMatchObject({ seq: 4, problem: 'hash-mismatch' });
  });

  it('finds an edited outcome even when only one column changes', async () => {
    const t = await tenantWithEvents(3);
    await h.db.query(`UPDATE audit_events SET outcome = 'success' WHERE tenant_id = $1 AND seq = 2`, [t.tenantId]);
    expect((await verify(t)).firstBad).toMatchObject({ seq: 2, problem: 'hash-mismatch' });
  });

  it('finds a deleted record in the middle', async () => {
    const t = await tenantWithEvents(5);
    await h.db.query('DELETE FROM audit_events WHERE tenant_id = $1 AND seq = 3', [t.tenantId]);
    expect((await verify(t)).firstBad).toMatchObject({ seq: 3, problem: 'missing-record' });
  });

  it('finds a deleted record in the middle even when the later ones are renumbered', async () => {
    const t = await tenantWithEvents(5);
    await h.db.query('DELETE FROM audit_events WHERE tenant_id = $1 AND seq = 3', [t.tenantId]);
    await h.db.query('UPDATE audit_events SET seq = -seq WHERE tenant_id = $1 AND seq > 3', [t.tenantId]);
    await h.db.query('UPDATE audit_events SET seq = -seq - 1 WHERE tenant_id = $1 AND seq < 0', [t.tenantId]);
    expect((await verify(t)).firstBad).toMatchObject({ seq: 3, problem: 'broken-link' });
  });

  it('finds reordered records', async () => {
    const t = await tenantWithEvents(5);
    await h.db.query('UPDATE audit_events SET seq = -1 WHERE tenant_id = $1 AND seq = 2', [t.tenantId]);
    await h.db.query('UPDATE audit_events SET seq = 2 WHERE tenant_id = $1 AND seq = 3', [t.tenantId]);
    await h.db.query('UPDATE audit_events SET seq = 3 WHERE tenant_id = $1 AND seq = -1', [t.tenantId]);
    expect((await verify(t)).firstBad).toMatchObject({ seq: 2, problem: 'broken-link' });
  });

  it('finds records removed from the end', async () => {
    const t = await tenantWithEvents(5);
    await h.db.query('DELETE FROM audit_events WHERE tenant_id = $1 AND seq >= 5', [t.tenantId]);
    expect((await verify(t)).firstBad).toMatchObject({ seq: 5, problem: 'head-mismatch' });
  });

  it('finds a chain rewritten consistently (hashes and head recomputed) through the signed checkpoint', async () => {
    const t = await tenantWithEvents(5);
    await h.app.services.auditTrail.checkpoint(t.tenantId);
    // Remove record 6 and pretend the chain always ended at 5: links, hashes and head all agree.
    await h.db.query('DELETE FROM audit_events WHERE tenant_id = $1 AND seq = 6', [t.tenantId]);
    await h.db.query('UPDATE audit_heads SET seq = 5, hash = (SELECT hash FROM audit_events WHERE tenant_id = $1 AND seq = 5) WHERE tenant_id = $1', [t.tenantId]);
    expect((await verify(t)).firstBad).toMatchObject({ seq: 6, problem: 'checkpoint-mismatch' });
  });

  it('finds a forged checkpoint', async () => {
    const t = await tenantWithEvents(2);
    await h.app.services.auditTrail.checkpoint(t.tenantId);
    const [cp] = await h.db.query<{ jws: string }>('SELECT jws FROM audit_checkpoints WHERE tenant_id = $1', [t.tenantId]);
    const parts = (cp?.jws ?? '').split('.');
    const forged = Buffer.from(JSON.stringify({ tid: t.tenantId, seq: 3, hash: 'f'.repeat(64) })).toString('base64url');
    await h.db.query('UPDATE audit_checkpoints SET jws = $2 WHERE tenant_id = $1', [t.tenantId, `${parts[0] ?? ''}.${forged}.${parts[2] ?? ''}`]);
    expect((await verify(t)).firstBad).toMatchObject({ seq: 3, problem: 'checkpoint-invalid' });
  });

  it('checkpoints every tenant whose chain grew, and only those', async () => {
    await h.app.services.auditTrail.checkpointAll();
    const t = await tenantWithEvents(1);
    expect(await h.app.services.auditTrail.checkpointAll()).toBe(1);
    expect(await h.app.services.auditTrail.checkpointAll()).toBe(0);
    expect((await verify(t)).anchoredThrough).toBe(2);
  });

  it('lets an auditor query by action, outcome, subject and time, and export JSON lines and CSV', async () => {
    const t = await tenantWithEvents(6);
    const s = await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: t.auth, payload: { externalId: 'audited' } });
    const subjectId = s.json<{ id: string }>().id;
    const get = (url: string) => h.app.server.inject({ method: 'GET', url, headers: t.auth });

    const byAction = await get('/v1/audit/events?action=face.verify&outcome=failure');
    expect(byAction.statusCode).toBe(200);
    const items = byAction.json<{ items: { action: string; outcome: string }[] }>().items;
    expect(items.length).toBe(1);
    expect(items.every((i) => i.action === 'face.verify' && i.outcome === 'failure')).toBe(true);
    expect((await get('/v1/audit/events?action=passkey.*')).json<{ items: unknown[] }>().items.length).toBe(3);

    const bySubject = (await get(`/v1/audit/events?subjectId=${subjectId}`)).json<{ items: { action: string; subjectRef: string }[] }>().items;
    expect(bySubject.map((i) => i.action)).toEqual(['subject.create']);
    const ref = bySubject[0]?.subjectRef ?? '';
    expect(ref).toMatch(/^[0-9a-f]{32}$/);
    expect(ref).not.toContain(subjectId);
    expect((await get(`/v1/audit/events?subject=${ref}`)).json<{ items: unknown[] }>().items.length).toBe(1);

    const all = (await get('/v1/audit/events?limit=500')).json<{ items: { occurredAt: string }[] }>().items;
    const third = all[2]?.occurredAt ?? '';
    expect((await get(`/v1/audit/events?to=${encodeURIComponent(third)}`)).json<{ items: unknown[] }>().items.length).toBe(2);

    const page = (await get('/v1/audit/events?limit=3')).json<{ items: { seq: number }[]; nextAfter: number | null }>();
    expect(page.nextAfter).toBe(3);
    expect((await get('/v1/audit/events?limit=3&after=3')).json<{ items: { seq: number }[] }>().items[0]?.seq).toBe(4);

    const jsonl = await get('/v1/audit/export?format=jsonl');
    expect(jsonl.headers['content-type']).toContain('application/x-ndjson');
    const lines = jsonl.body.trim().split('\n').map((l) => JSON.parse(l) as { seq: number; hash: string });
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const csv = await get('/v1/audit/export?format=csv&action=face.verify');
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.body.trim().split('\r\n');
    expect(rows[0]).toBe('seq,occurred_at,actor_type,actor_id,action,subject_ref,outcome,details,prev_hash,hash');
    expect(rows.length).toBe(4);
    expect(rows[1]).toContain('"{""i"":0}"');

    const v = await get('/v1/audit/verify');
    expect(v.json<{ valid: boolean; records: number }>()).toMatchObject({ valid: true, records: 8 });
  });

  it('refuses audit reads without audit:read, and tenants cannot read each other', async () => {
    const a = await tenantWithEvents(1);
    const noScope = await h.createTenant('no audit', ['subjects:read']);
    const denied = await h.app.server.inject({ method: 'GET', url: '/v1/audit/events', headers: noScope.auth });
    expect(denied.statusCode).toBe(403);
    expect(denied.json<{ error: { code: string } }>().error.code).toBe('INSUFFICIENT_SCOPE');
    const other = await tenantWithEvents(0);
    const mine = (await h.app.server.inject({ method: 'GET', url: '/v1/audit/events', headers: other.auth })).json<{ items: { details: Record<string, unknown> }[] }>().items;
    expect(mine.length).toBe(1);
    expect(a.tenantId).not.toBe(other.tenantId);
  });
});
