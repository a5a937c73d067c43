import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness } from '../../../apps/server/test/harness.ts';
import type { Harness } from '../../../apps/server/test/harness.ts';

const sdkSrc = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * Routes the SDK does not call as REST methods, each with the reason. Everything else the server
 * answers must have an SDK method; an entry that no longer matches a route fails the test too.
 */
const notRestCalls: readonly { readonly route: RegExp; readonly why: string }[] = [
  // The liveness WebSocket: `runLivenessSession` (@authloop/sdk/browser) opens it from the session's streamPath.
  { route: /^GET \/v1\/liveness\/sessions\/\{\}\/stream$/, why: 'WebSocket, driven by runLivenessSession' },
  // The web app's HTML, scripts and assets (and its client-side routes), served from the same origin.
  { route: /^GET \/\*?$/, why: 'static web app' },
  // Swagger UI and the OpenAPI document itself.
  { route: /^GET \/docs(\/.*)?$/, why: 'API documentation' },
];

/** `/v1/subjects/:subjectId/face` or `/v1/subjects/{subjectId}/face` or `/v1/subjects/${enc(id)}/face` → `/v1/subjects/{}/face`. */
const normalise = (path: string): string => path.replace(/:[A-Za-z_]\w*/g, '{}').replace(/\{[A-Za-z_]\w*\}/g, '{}').replace(/\$\{[^}]*\}/g, '{}');

/** Every `(method, path)` the SDK's sources declare in a `{ method: 'X', path: … }` request spec. */
function sdkCalls(): Set<string> {
  const files = readdirSync(sdkSrc, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const calls = new Set<string>();
  for (const f of files) {
    const src = readFileSync(join(sdkSrc, f), 'utf8');
    for (const m of src.matchAll(/method:\s*'(GET|POST|PUT|PATCH|DELETE)'\s*,\s*path:\s*(['`])(.*?)\2/gs)) calls.add(`${m[1]} ${normalise(m[3] ?? '')}`);
  }
  return calls;
}

/**
 * Every `(method, path)` the server routes, from Fastify's route tree (`printRoutes`), which also
 * holds routes the OpenAPI document leaves out (the WebSocket). HEAD is Fastify's automatic twin of GET.
 */
function serverRoutes(tree: string): Set<string> {
  const routes = new Set<string>();
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (m === null) continue;
    const depth = (m[1] ?? '').length / 4;
    const path = `${depth === 0 ? '' : (prefixes[depth - 1] ?? '')}${m[2] ?? ''}`;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (m[3] ?? '').split(', ')) if (method !== '' && method !== 'HEAD') routes.add(`${method} ${normalise(path.replace(/(.)\/$/, '$1'))}`);
  }
  return routes;
}

describe('the SDK covers every endpoint', () => {
  let h: Harness;
  let server: Set<string>;
  let openApi: Set<string>;
  beforeAll(async () => {
    h = await createHarness('pglite');
    server = serverRoutes(h.app.server.printRoutes({ commonPrefix: false }));
    const doc = h.app.server.swagger() as { paths?: Record<string, Record<string, unknown>> };
    openApi = new Set(Object.entries(doc.paths ?? {}).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${normalise(path)}`)));
  });
  afterAll(async () => {
    await h.close();
  });

  it('reads the route table completely (every OpenAPI operation is in it)', () => {
    expect(openApi.size).toBeGreaterThan(60);
    expect([...openApi].filter((op) => !server.has(op))).toEqual([]);
  });

  it('has an SDK method for every route the server answers, apart from the commented non-REST routes', () => {
    const sdk = sdkCalls();
    const missing = [...server].filter((r) => !sdk.has(r) && !notRestCalls.some((n) => n.route.test(r))).sort();
    expect(missing, 'endpoints without an SDK method (add one in packages/sdk/src/api/)').toEqual([]);
  });

  it('calls no endpoint the server lacks, and every allow-list entry still names a route', () => {
    const sdk = sdkCalls();
    expect([...sdk].filter((c) => !server.has(c)).sort(), 'SDK methods whose endpoint does not exist').toEqual([]);
    for (const n of notRestCalls) expect([...server].some((r) => n.route.test(r)), `${n.why}: ${n.route.source}`).toBe(true);
  });
});
