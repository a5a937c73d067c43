import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthloopError } from '../src/index.ts';
import type { AuthloopClient } from '../src/index.ts';
import { startTestServer } from './support/startTestServer.ts';
import type { TestServer } from './support/startTestServer.ts';

describe('SDK ops.activity against a running server', () => {
  let s: TestServer;
  let api: AuthloopClient;

  beforeAll(async () => {
    s = await startTestServer();
    api = s.api;
    const { audit } = s.harness.app.services;
    for (const outcome of ['success', 'success', 'failure'] as const) {
      await s.harness.db.transaction((tx) => audit.record(tx, { tenantId: s.tenant.tenantId, actor: { type: 'system', id: null }, action: 'face.verify', outcome, details: {} }));
    }
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers typed per-day counts for the requested window', async () => {
    const r = await api.ops.activity({ days: 3 });
    expect(r.days).toBe(3);
    expect(r.daily.map((d) => d.date)).toHaveLength(3);
    expect(r.daily.at(-1)?.date).toBe(new Date().toISOString().slice(0, 10));
    expect(r.totals.byAction['face.verify']).toEqual({ success: 2, failure: 1, denied: 0, error: 0 });
    expect((await api.ops.activity()).days).toBe(14);
  });

  it('turns a window outside 1–90 days into INVALID_FIELD', async () => {
    const error = await api.ops.activity({ days: 91 }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AuthloopError);
    expect((error as AuthloopError).code).toBe('INVALID_FIELD');
  });
});
