import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@authloop/store';
import type { Harness, TestTenant } from './harness.ts';
import { createHarness } from './harness.ts';
import { closeTestFaceEngine, lfwDir } from './support/faceEngine.ts';

type Identify = { candidates: { subjectId: string; externalId: string; score: number }[]; searched: number; threshold: number; reason: string };

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
/** LFW people with at least three photos, in name order: enrolled from their first usable photo, probed with their last. */
const PEOPLE = readdirSync(lfwDir)
  .filter((p) => readdirSync(`${lfwDir}/${p}`).length >= 3)
  .sort()
  .map((p) => ({ name: p, files: readdirSync(`${lfwDir}/${p}`).sort() }));
const photo = (name: string, file: string | undefined): Uint8Array => new Uint8Array(readFileSync(`${lfwDir}/${name}/${file ?? ''}`));

afterAll(async () => {
  await closeTestFaceEngine();
});

describe.each(testDrivers())('Face identification (1:N) on %s', (driver) => {
  let h: Harness;
  let a: TestTenant;
  let b: TestTenant;
  const enrolled: { name: string; files: string[]; subjectId: string }[] = [];

  beforeAll(async () => {
    h = await createHarness(driver, { face: true });
    a = await h.createTenant('Bank A');
    b = await h.createTenant('Bank B');
    const put = await h.app.server.inject({ method: 'PUT', url: '/v1/face/settings', headers: a.auth, payload: { minEnrolImages: 1 } });
    expect(put.statusCode).toBe(200);
    for (const person of PEOPLE) {
      if (enrolled.length === 50) break;
      const id = (await h.app.server.inject({ method: 'POST', url: '/v1/subjects', headers: a.auth, payload: { externalId: person.name } })).json<{ id: string }>().id;
      // The default policy requires face consent before enrolment.
      await h.app.services.consent.grant(a.tenantId, id, { purpose: 'face', noticeVersion: 'v1' }, { type: 'system', id: null });
      for (const file of person.files.slice(0, -1)) {
        const r = await h.app.server.inject({ method: 'POST', url: `/v1/subjects/${id}/face`, headers: a.auth, payload: { images: [b64(photo(person.name, file))] } });
        if (r.statusCode === 201) {
          enrolled.push({ ...person, subjectId: id });
          break;
        }
        expect(r.statusCode, r.body).toBe(422);
      }
    }
  }, 600_000);
  afterAll(async () => {
    await h.close();
  });

  it('finds the right person among 50 enrolled, searching in the database', async () => {
    expect(enrolled).toHaveLength(50);
    const probes = enrolled.filter((_, i) => i % 5 === 0);
    let top1 = 0;
    let usable = 0;
    for (const p of probes) {
      const res = await h.app.server.inject({ method: 'POST', url: '/v1/face/identify', headers: a.auth, payload: { image: b64(photo(p.name, p.files.at(-1))), topK: 3 } });
      if (res.statusCode !== 200) continue; // an unusable probe photo (no face / several faces) is a 4xx, not a miss
      usable++;
      const r = res.json<Identify>();
      expect(r.searched).toBe(50);
      expect(r.candidates.length).toBeLessThanOrEqual(3);
      for (const c of r.candidates) expect(c.score).toBeGreaterThanOrEqual(r.threshold);
      expect([...r.candidates].sort((x, y) => y.score - x.score)).toEqual(r.candidates);
      if (r.candidates[0]?.subjectId === p.subjectId) {
        top1++;
        expect(r.candidates[0].externalId).toBe(p.name);
      }
    }
    expect(usable).toBeGreaterThanOrEqual(6);
    expect(top1 / usable).toBeGreaterThanOrEqual(0.8);

    const audit = await h.db.query<{ outcome: string; details: Record<string, unknown> }>("SELECT outcome, details FROM audit_events WHERE tenant_id = $1 AND action = 'face.identify'", [a.tenantId]);
    expect(audit).toHaveLength(usable);
    expect(audit.every((e) => e.details['searched'] === 50)).toBe(true);
  });

  it("never returns another tenant's subjects", async () => {
    const p = enrolled[0];
    if (p === undefined) throw new Error('nothing enrolled');
    const res = await h.app.server.inject({ method: 'POST', url: '/v1/face/identify', headers: b.auth, payload: { image: b64(photo(p.name, p.files.at(-1))) } });
    expect(res.statusCode).toBe(200);
    expect(res.json<Identify>()).toMatchObject({ candidates: [], searched: 0, reason: 'NO_CANDIDATE' });
  });

  it('leaves a subject out of 1:N after its face data is erased', async () => {
    const p = enrolled[5];
    if (p === undefined) throw new Error('nothing enrolled');
    expect((await h.app.server.inject({ method: 'DELETE', url: `/v1/subjects/${p.subjectId}/face`, headers: a.auth })).statusCode).toBe(204);
    const res = await h.app.server.inject({ method: 'POST', url: '/v1/face/identify', headers: a.auth, payload: { image: b64(photo(p.name, p.files[0])), topK: 5 } });
    const r = res.json<Identify>();
    expect(r.searched).toBe(49);
    expect(r.candidates.map((c) => c.subjectId)).not.toContain(p.subjectId);
  });
});
