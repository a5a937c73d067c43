/**
 * A real server process for the crash test: the normal runtime (configuration from the
 * environment, on-disk database, migrations, keys) and the face engine, with one fault injected —
 * the Nth write of a face template pauses inside its open transaction and prints FACE_TX_OPEN, so
 * the test can kill -9 the process at exactly that point. Prints `LISTENING <port>` when ready.
 */
import type { Database, Queryable } from '@authloop/store';
import { buildApp } from '../../src/app/buildApp.ts';
import { openRuntime } from '../../src/runtime/openRuntime.ts';
import { testFaceEngine } from './faceEngine.ts';

const pauseOn = Number(process.env['FACE_CRASH_PAUSE_ON_UPSERT'] ?? '0');
let upserts = 0;

function pausing(q: Queryable): Queryable {
  return {
    query: async <Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> => {
      const rows = await q.query<Row>(sql, params);
      if (sql.trimStart().startsWith('INSERT INTO face_templates') && ++upserts === pauseOn) {
        process.stdout.write('FACE_TX_OPEN\n');
        await new Promise((resolve) => setTimeout(resolve, 120_000));
      }
      return rows;
    },
  };
}

const runtime = await openRuntime({ warn: () => undefined });
const db: Database = { ...runtime.db, transaction: (fn) => runtime.db.transaction((tx) => fn(pausing(tx))) };
const app = await buildApp({ config: runtime.config, db, masterKey: runtime.masterKey, clock: runtime.clock, logger: false, engine: await testFaceEngine() });
await app.server.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.server.address();
process.stdout.write(`LISTENING ${typeof address === 'object' && address !== null ? address.port : 0}\n`);
