/**
 * API benchmark: token issue and an authenticated GET against the real server (embedded database,
 * one process), and a bare Fastify hello-world in the same run for the ratio. 50 connections.
 * Writes bench/results/api.json.   npm run bench:api [-- --duration 10]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { spawnServer } from '../lib/spawnServer.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const durationArg = process.argv.indexOf('--duration');
const duration = durationArg > 0 ? Number(process.argv[durationArg + 1]) : 10;
const connections = 50;
const tsx = `${root}node_modules/.bin/tsx`;

interface Figures {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

async function load(opts: autocannon.Options): Promise<Figures> {
  const r = await autocannon({ connections, duration, ...opts });
  return { reqPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

interface ServerFigures {
  authGet: Figures;
  authDbGet: Figures;
  tokenIssue: Figures;
}

/** Bootstraps a tenant, starts the real server with `env`, and loads its three endpoints in turn. */
async function measureServer(env: Record<string, string>, port: number): Promise<ServerFigures> {
  const creds = JSON.parse(execFileSync(tsx, [`${root}packages/cli/src/main.ts`, 'admin', 'bootstrap', '--json'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] }).toString()) as {
    clientId: string;
    clientSecret: string;
  };
  const basic = `Basic ${Buffer.from(`${creds.clientId}:${creds.clientSecret}`).toString('base64')}`;
  const server = await spawnServer({ command: tsx, args: [`${root}apps/server/src/main.ts`], env: { ...env, PORT: String(port) }, port, readyPath: '/health' });
  try {
    const tokenRes = await fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const auth = { authorization: `Bearer ${access_token}` };
    const subjectRes = await fetch(`${server.url}/v1/subjects`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ externalId: `bench-${Date.now()}` }) });
    const subject = (await subjectRes.json()) as { id: string };
    const authGet = await load({ url: `${server.url}/v1/me`, headers: auth });
    const authDbGet = await load({ url: `${server.url}/v1/subjects/${subject.id}`, headers: auth });
    const tokenIssue = await load({ url: `${server.url}/oauth/token`, method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
    return { authGet, authDbGet, tokenIssue };
  } finally {
    await server.stop();
  }
}

const dataDir = mkdtempSync(`${tmpdir()}/authloop-bench-api-`);
const common = { AUTHLOOP_DATA_DIR: dataDir, LOG_LEVEL: 'warn', AUTHLOOP_RATE_LIMIT_MAX: '100000000', AUTHLOOP_TOKEN_RATE_LIMIT_MAX: '100000000', HOST: '127.0.0.1' };
try {
  const hello = await spawnServer({ command: 'node', args: ['--import', 'tsx', `${root}bench/api/helloWorld.ts`], env: { PORT: '18090' }, port: 18090 });
  const helloWorld = await load({ url: hello.url });
  await hello.stop();

  const embedded = await measureServer(common, 18091);
  const pgUrl = process.env['BENCH_DATABASE_URL'];
  const postgres = pgUrl ? await measureServer({ ...common, DATABASE_URL: pgUrl }, 18092) : null;

  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version, loadAverage1m: (await import('node:os')).loadavg()[0] },
    connections,
    durationS: duration,
    helloWorldReqPerSec: helloWorld.reqPerSec,
    helloWorldP99Ms: helloWorld.p99Ms,
    authGetEndpoint: 'GET /v1/me (EdDSA JWT verified, per-client rate limit, zod-serialised answer, no database read)',
    authGetReqPerSec: embedded.authGet.reqPerSec,
    authGetP50Ms: embedded.authGet.p50Ms,
    authGetP99Ms: embedded.authGet.p99Ms,
    authGetRatioToHelloWorld: Number((embedded.authGet.reqPerSec / helloWorld.reqPerSec).toFixed(3)),
    authDbGetEndpoint: 'GET /v1/subjects/{id} (as above plus one tenant-scoped database read)',
    authDbGetReqPerSec: embedded.authDbGet.reqPerSec,
    authDbGetP50Ms: embedded.authDbGet.p50Ms,
    authDbGetP99Ms: embedded.authDbGet.p99Ms,
    tokenIssueReqPerSec: embedded.tokenIssue.reqPerSec,
    tokenIssueP50Ms: embedded.tokenIssue.p50Ms,
    tokenIssueP99Ms: embedded.tokenIssue.p99Ms,
    non2xx: { authGet: embedded.authGet.non2xx, authDbGet: embedded.authDbGet.non2xx, tokenIssue: embedded.tokenIssue.non2xx },
    postgres: postgres && {
      authGetReqPerSec: postgres.authGet.reqPerSec,
      authDbGetReqPerSec: postgres.authDbGet.reqPerSec,
      authDbGetP99Ms: postgres.authDbGet.p99Ms,
      tokenIssueReqPerSec: postgres.tokenIssue.reqPerSec,
      tokenIssueP99Ms: postgres.tokenIssue.p99Ms,
      non2xx: { authGet: postgres.authGet.non2xx, authDbGet: postgres.authDbGet.non2xx, tokenIssue: postgres.tokenIssue.non2xx },
    },
  };
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/api.json`, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
