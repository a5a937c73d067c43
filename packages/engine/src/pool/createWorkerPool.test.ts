import { describe, expect, it } from 'vitest';
import { EngineError } from '../EngineError.ts';
import { createWorkerPool } from './createWorkerPool.ts';

type Task = { value: number; delayMs?: number; crash?: boolean };
const entry = new URL('./echoWorker.fixture.ts', import.meta.url);

describe('createWorkerPool', () => {
  it('runs tasks on TypeScript workers and bounds the queue', async () => {
    const pool = createWorkerPool<Task, number>({ entry, workerData: null, size: 2, queueLimit: 1 });
    try {
      await pool.ready;
      const results = await Promise.allSettled([1, 2, 3, 4, 5].map((value) => pool.run({ value, delayMs: 100 })));
      expect(results.slice(0, 3).map((r) => (r.status === 'fulfilled' ? r.value : null))).toEqual([2, 4, 6]);
      for (const r of results.slice(3)) {
        expect(r.status).toBe('rejected');
        expect(r.status === 'rejected' && r.reason instanceof EngineError ? r.reason.code : '').toBe('ENGINE_BUSY');
      }
    } finally {
      await pool.close();
    }
  });

  it('fails the task of a crashed worker and replaces the worker', async () => {
    const pool = createWorkerPool<Task, number>({ entry, workerData: null, size: 1, queueLimit: 4 });
    try {
      await pool.ready;
      const crashed = await pool.run({ value: 1, crash: true }).then(() => null, (e: unknown) => e);
      expect(crashed).toBeInstanceOf(EngineError);
      expect((crashed as EngineError).code).toBe('ENGINE_INTERNAL');
      await expect(pool.run({ value: 21 })).resolves.toBe(42);
    } finally {
      await pool.close();
    }
    await expect(pool.run({ value: 1 })).rejects.toMatchObject({ code: 'ENGINE_CLOSED' });
  });
});
