import { randomUUID } from 'node:crypto';
import { createLocalMasterKey, generateKey } from '@authloop/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import { createServices } from '../src/app/createServices.ts';
import { loadConfig } from '../src/config/Config.ts';
import { rotateMasterKey } from '../src/modules/compliance/rotateMasterKey.ts';
import type { Harness } from './harness.ts';
import { createHarness } from './harness.ts';

describe.each(testDrivers())('master key rotation on %s', (driver) => {
  const oldKey = createLocalMasterKey(generateKey());
  const newKey = createLocalMasterKey(generateKey());
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(driver, { deps: { masterKey: oldKey } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('re-wraps every tenant data key and signing key under the new master without touching sealed data', async () => {
    const a = await h.createTenant('A');
    const b = await h.createTenant('B');
    const subjectId = (await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: a.auth, payload: { externalId: 'kr' } })).json<{ id: string }>().id;
    const subjectKey = await h.app.services.subjectKeys.forSubject(a.tenantId, subjectId);
    await h.db.query(
      `INSERT INTO face_templates (tenant_id, subject_id, id, engine, search_model, dims, search_vector, sample_count, threshold, key_id, sealed, enrolled_at, updated_at)
       VALUES ($1, $2, $3, 'e', 'm', 2, '[1,0]'::vector, 1, 0.5, 'k', decode('00112233', 'hex'), now(), now())`,
      [a.tenantId, subjectId, randomUUID()],
    );
    const snapshot = () => h.db.query<{ sealed: unknown; wrapped_key: string }>('SELECT encode(sealed, $1) AS sealed FROM face_templates', ['hex']);
    const before = await snapshot();
    const wrappedBefore = await h.db.query<{ wrapped_key: string }>('SELECT wrapped_key FROM tenant_keys ORDER BY tenant_id');
    const dataKeyBefore = await h.app.services.tenantKeys.current(b.tenantId);

    const result = await rotateMasterKey({ db: h.db, from: oldKey, to: newKey });
    expect(result).toEqual({ tenantKeys: 2, signingKeys: 1, alreadyRotated: 0 });
    expect(await snapshot()).toEqual(before);
    const wrappedAfter = await h.db.query<{ wrapped_key: string; master_key_id: string }>('SELECT wrapped_key, master_key_id FROM tenant_keys ORDER BY tenant_id');
    expect(wrappedAfter.map((r) => r.master_key_id)).toEqual([newKey.id, newKey.id]);
    expect(wrappedAfter.map((r) => r.wrapped_key)).not.toEqual(wrappedBefore.map((r) => r.wrapped_key));

    // A process with only the new master key reads everything: data keys, subject keys, signing keys.
    const config = loadConfig({ NODE_ENV: 'test', AUTHLOOP_DATA_DIR: '/nonexistent' });
    const fresh = await createServices({ config, db: h.db, masterKey: newKey, clock: h.clock });
    expect(Buffer.from((await fresh.tenantKeys.current(b.tenantId)).key)).toEqual(Buffer.from(dataKeyBefore.key));
    expect(Buffer.from((await fresh.subjectKeys.forSubject(a.tenantId, subjectId)).key)).toEqual(Buffer.from(subjectKey.key));
    expect((await fresh.tokens.verify(a.token)).ok).toBe(true);
    expect((await fresh.auditTrail.verify(a.tenantId)).valid).toBe(true);
    // … and the old master key no longer opens anything.
    const stale = await createServices({ config, db: h.db, masterKey: oldKey, clock: h.clock }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(Error);

    expect(await rotateMasterKey({ db: h.db, from: oldKey, to: newKey })).toEqual({ tenantKeys: 0, signingKeys: 0, alreadyRotated: 3 });
  });
});
