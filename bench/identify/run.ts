/**
 * 1:N identification benchmark: galleries of face templates in PostgreSQL + pgvector and in the
 * embedded database (PGlite), searched exactly as the API does (faceRepository.search: the
 * tenant-filtered HNSW cosine index over the rotated vectors, same ef_search and iterative scan).
 *
 * Real LFW templates (first photo of each person, made by the face engine) are planted at random
 * positions among synthetic unit vectors; queries are the same people's second photos plus
 * synthetic near-duplicates of random gallery entries. Reported per gallery: insert rate (subjects +
 * template rows, sealed blob of realistic size), HNSW build time (index built after the bulk load),
 * identify p50/p99 of the search query, recall@1 against exact search (brute force in Node), and
 * the share of real probes whose nearest template is the right person.
 *
 *   npm run bench:identify [-- --max 100000] [--drivers postgres,pglite] [--queries 200] [--binary] [--sweep 40,100,200,400]
 *
 * `--sweep` repeats the queries at other hnsw.ef_search values (recall/latency trade-off);
 * `--binary` also stores a 128-bit sign code and measures an exact Hamming scan + cosine re-rank.
 *
 * PostgreSQL: AUTHLOOP_TEST_DATABASE_URL (a role that may create databases; scripts/test-services.sh).
 * Writes (merges into) bench/results/identify.json, or the file given with --out.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFaceEngine } from '@authloop/engine';
import { openTestDatabase } from '@authloop/store';
import type { Database, TestDriver } from '@authloop/store';
import { efSearchFor, faceRepository, INDEXED_DIMS, prepareSearch } from '../../apps/server/src/modules/face/faceRepository.ts';
import { normalize, toPgVector, vectorOf } from '../../apps/server/src/modules/face/templateMath.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const max = Number(arg('max', '1000000'));
const drivers = arg('drivers', process.env['AUTHLOOP_TEST_DATABASE_URL'] ? 'postgres,pglite' : 'pglite').split(',') as TestDriver[];
const queryCount = Number(arg('queries', '200'));
const realPeople = Number(arg('real', '100'));
const sealedBytes = Number(arg('sealed-bytes', '2400'));
const binary = process.argv.includes('--binary');
const sweepEf = arg('sweep', '').split(',').filter((x) => x !== '').map(Number);
const SIZES: Record<TestDriver, number[]> = { postgres: [10_000, 100_000, 1_000_000], pglite: [10_000, 100_000] };
const lfw = `${root}../shared/data/face/lfw/lfw-deepfunneled`;
const log = (m: string): void => void process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

/** A seeded PRNG (mulberry32) so galleries are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussianUnit(next: () => number, dims: number): Float32Array {
  const v = new Float32Array(dims);
  for (let i = 0; i < dims; i++) v[i] = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return normalize(v);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Real templates: [enrol vector, probe vector] per LFW person, from the face engine. */
async function realPairs(): Promise<{ dims: number; searchModel: string; engine: string; pairs: { name: string; enrol: Float32Array; probe: Float32Array }[] }> {
  const engine = await createFaceEngine({ modelsDir: process.env['AUTHLOOP_MODELS_DIR'] ?? `${root}../shared/data/models`, poolSize: 2 });
  const pairs: { name: string; enrol: Float32Array; probe: Float32Array }[] = [];
  try {
    for (const name of readdirSync(lfw).sort()) {
      if (pairs.length >= realPeople) break;
      const files = readdirSync(`${lfw}/${name}`).sort();
      if (files.length < 2) continue;
      const vecs = await Promise.all(
        files.slice(0, 2).map(async (f) => {
          try {
            const a = await engine.analyze(new Uint8Array(readFileSync(`${lfw}/${name}/${f}`)));
            return a.template === null ? undefined : vectorOf(a.template, engine.info.searchModel);
          } catch {
            return undefined;
          }
        }),
      );
      const [enrol, probe] = vecs;
      if (enrol !== undefined && probe !== undefined) pairs.push({ name, enrol: normalize(enrol), probe: normalize(probe) });
    }
    const m = engine.info.searchModel;
    return { dims: m.dimensions, searchModel: `${m.id}@${m.version}`, engine: engine.info.name, pairs };
  } finally {
    await engine.close();
  }
}

interface GalleryFigures {
  driver: TestDriver;
  size: number;
  p50Ms: number;
  p99Ms: number;
  recallAt1: number;
  insertPerSec: number;
  indexBuildS: number;
  realProbeTop1: number;
  efSearch: number;
  sweep?: { efSearch: number; p50Ms: number; p99Ms: number; recallAt1: number; realProbeTop1: number }[] | undefined;
  binary?: { p50Ms: number; p99Ms: number; recallAt1: number } | undefined;
}

async function runGallery(driver: TestDriver, size: number, real: Awaited<ReturnType<typeof realPairs>>): Promise<GalleryFigures> {
  const { dims, searchModel, pairs } = real;
  if (!(INDEXED_DIMS as readonly number[]).includes(dims)) throw new Error(`no index for ${dims} dimensions`);
  const d = dims as (typeof INDEXED_DIMS)[number];
  const next = prng(size + dims);
  const gallery = new Float32Array(size * dims);
  const ids: string[] = Array.from({ length: size }, () => randomUUID());
  const realAt = new Map<number, string>();
  const positions = new Set<number>();
  while (positions.size < Math.min(pairs.length, size)) positions.add(Math.floor(next() * size));
  [...positions].forEach((pos, i) => realAt.set(pos, pairs[i]?.name ?? ''));
  const realIndex = new Map([...realAt].map(([pos, name]) => [name, pos]));
  for (let i = 0; i < size; i++) {
    const name = realAt.get(i);
    const v = name === undefined ? gaussianUnit(next, dims) : (pairs.find((p) => p.name === name)?.enrol ?? gaussianUnit(next, dims));
    gallery.set(v, i * dims);
  }

  const db: Database = await openTestDatabase(driver);
  try {
    const tenantId = randomUUID();
    await db.query('INSERT INTO tenants (id, name) VALUES ($1, $2)', [tenantId, 'bench']);
    await db.query(`DROP INDEX face_templates_search_${d}`);
    if (binary) await db.query('ALTER TABLE face_templates ADD COLUMN code bit(128)');
    const sealed = randomBytes(sealedBytes);
    const now = new Date();
    const batch = 500;
    const t0 = performance.now();
    for (let start = 0; start < size; start += batch) {
      const n = Math.min(batch, size - start);
      const sp: unknown[] = [];
      const tp: unknown[] = [];
      const sv: string[] = [];
      const tv: string[] = [];
      for (let j = 0; j < n; j++) {
        const i = start + j;
        const v = gallery.subarray(i * dims, (i + 1) * dims);
        sv.push(`($${sp.length + 1}, $${sp.length + 2}, $${sp.length + 3})`);
        sp.push(ids[i], tenantId, `bench-${i}`);
        const k = tp.length;
        tv.push(`($${k + 1}, $${k + 2}, $${k + 3}, 'bench', $${k + 4}, ${dims}, $${k + 5}::vector, 1, 0.5, 'dk_bench', $${k + 6}, $${k + 7}, $${k + 7}${binary ? `, $${k + 8}::bit(128)` : ''})`);
        tp.push(tenantId, ids[i], randomUUID(), searchModel, toPgVector(v), sealed, now);
        if (binary) tp.push(Array.from(v.subarray(0, 128), (x) => (x > 0 ? '1' : '0')).join(''));
      }
      await db.query(`INSERT INTO subjects (id, tenant_id, external_id) VALUES ${sv.join(',')}`, sp);
      await db.query(
        `INSERT INTO face_templates (tenant_id, subject_id, id, engine, search_model, dims, search_vector, sample_count, threshold, key_id, sealed, enrolled_at, updated_at${binary ? ', code' : ''}) VALUES ${tv.join(',')}`,
        tp,
      );
      if (start % 100_000 === 0 && start > 0) log(`${driver} ${size}: ${start} rows`);
    }
    const insertS = (performance.now() - t0) / 1000;
    log(`${driver} ${size}: inserted in ${insertS.toFixed(1)} s; building the HNSW index`);
    if (driver === 'postgres') {
      await db.query("SET maintenance_work_mem = '1GB'");
      await db.query('SET max_parallel_maintenance_workers = 2');
    }
    const t1 = performance.now();
    await db.query(`CREATE INDEX face_templates_search_${d} ON face_templates USING hnsw ((search_vector::vector(${d})) vector_cosine_ops) WHERE dims = ${d}`);
    const indexBuildS = (performance.now() - t1) / 1000;
    await db.query('ANALYZE face_templates');
    log(`${driver} ${size}: index built in ${indexBuildS.toFixed(1)} s; querying`);

    const queries: { v: Float32Array; name?: string }[] = pairs.filter((p) => realIndex.has(p.name)).map((p) => ({ v: p.probe, name: p.name }));
    while (queries.length < queryCount) {
      const base = gallery.subarray(Math.floor(next() * size) * dims).subarray(0, dims);
      const noise = gaussianUnit(next, dims);
      const q = new Float32Array(dims);
      for (let i = 0; i < dims; i++) q[i] = (base[i] ?? 0) + 0.9 * (noise[i] ?? 0);
      queries.push({ v: normalize(q) });
    }
    // Exact nearest neighbour of every query (brute force over the same vectors).
    const exact = queries.map((q) => {
      let best = -1;
      let bestDot = -Infinity;
      for (let i = 0; i < size; i++) {
        let dot = 0;
        const o = i * dims;
        for (let k = 0; k < dims; k++) dot += (gallery[o + k] ?? 0) * (q.v[k] ?? 0);
        if (dot > bestDot) {
          bestDot = dot;
          best = i;
        }
      }
      return ids[best];
    });
    const measure = async (efSearch: number | null) => {
      const latencies: number[] = [];
      let hits = 0;
      let realTop1 = 0;
      let realCount = 0;
      for (const [qi, q] of queries.entries()) {
        const s = performance.now();
        const found = await db.transaction(async (tx) => {
          await prepareSearch(tx, 9);
          if (efSearch !== null) await tx.query(`SET LOCAL hnsw.ef_search = ${efSearch}`);
          return faceRepository(tx).search(tenantId, { searchModel, dims: d, vector: q.v, limit: 9 });
        });
        latencies.push(performance.now() - s);
        if (found[0]?.subjectId === exact[qi]) hits++;
        if (q.name !== undefined) {
          realCount++;
          if (found[0]?.subjectId === ids[realIndex.get(q.name) ?? -1]) realTop1++;
        }
      }
      latencies.sort((a, b) => a - b);
      return {
        p50Ms: Number(percentile(latencies, 50).toFixed(2)),
        p99Ms: Number(percentile(latencies, 99).toFixed(2)),
        recallAt1: Number((hits / queries.length).toFixed(4)),
        realProbeTop1: realCount === 0 ? 0 : Number((realTop1 / realCount).toFixed(4)),
      };
    };
    const api = await measure(null);
    const sweep = [];
    for (const ef of sweepEf) sweep.push({ efSearch: ef, ...(await measure(ef)) });
    let binaryFigures: GalleryFigures['binary'];
    if (binary) {
      const binLatencies: number[] = [];
      let binHits = 0;
      for (const [qi, q] of queries.entries()) {
        const code = Array.from(q.v.subarray(0, 128), (x) => (x > 0 ? '1' : '0')).join('');
        const sb = performance.now();
        const rows = await db.query<{ subject_id: string }>(
          `SELECT subject_id FROM (SELECT subject_id, search_vector FROM face_templates WHERE tenant_id = $1 AND dims = ${d} ORDER BY code <~> $2::bit(128) LIMIT 100) c
           ORDER BY search_vector::vector(${d}) <=> $3::vector(${d}) LIMIT 9`,
          [tenantId, code, toPgVector(q.v)],
        );
        binLatencies.push(performance.now() - sb);
        if (rows[0]?.subject_id === exact[qi]) binHits++;
      }
      binLatencies.sort((a, b) => a - b);
      binaryFigures = { p50Ms: Number(percentile(binLatencies, 50).toFixed(2)), p99Ms: Number(percentile(binLatencies, 99).toFixed(2)), recallAt1: Number((binHits / queries.length).toFixed(4)) };
    }
    const figures: GalleryFigures = {
      driver,
      size,
      p50Ms: api.p50Ms,
      p99Ms: api.p99Ms,
      recallAt1: api.recallAt1,
      insertPerSec: Math.round(size / insertS),
      indexBuildS: Number(indexBuildS.toFixed(1)),
      realProbeTop1: api.realProbeTop1,
      efSearch: efSearchFor(9),
      ...(sweep.length > 0 ? { sweep } : {}),
      ...(binaryFigures === undefined ? {} : { binary: binaryFigures }),
    };
    log(JSON.stringify(figures));
    return figures;
  } finally {
    await db.close();
  }
}

const real = await realPairs();
log(`engine ${real.engine}, ${real.dims} dimensions, ${real.pairs.length} real LFW pairs`);
const out = arg('out', `${root}bench/results/identify.json`);
mkdirSync(dirname(out), { recursive: true });
type Results = { galleries: GalleryFigures[]; [k: string]: unknown };
const previous: Results = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Results) : { galleries: [] };
for (const driver of drivers) {
  for (const size of SIZES[driver].filter((s) => s <= max)) {
    const f = await runGallery(driver, size, real);
    if (existsSync(out)) previous.galleries = (JSON.parse(readFileSync(out, 'utf8')) as Results).galleries;
    const galleries = [...previous.galleries.filter((g) => !(g.driver === f.driver && g.size === f.size)), f].sort((a, b) => a.driver.localeCompare(b.driver) || a.size - b.size);
    previous.galleries = galleries;
    const results: Results = {
      ...previous,
      generatedAt: new Date().toISOString(),
      engine: real.engine,
      dims: real.dims,
      queries: queryCount,
      efSearch: 'each gallery: efSearch = efSearchFor(9), the API setting for topK 3; sweep = other values',
      notes: 'Search latency is the SQL round trip of faceRepository.search (HNSW, tenant filter, iterative scan) from this process; recall@1 is against exact brute-force search over the same vectors. Synthetic templates are isotropic Gaussian unit vectors; real ones are LFW first photos, probed with the second photo (realProbeTop1). Index built after the bulk load.',
    };
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  }
}
