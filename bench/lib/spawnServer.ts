import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/** A child process serving HTTP on a port, started for a benchmark. */
export interface SpawnedServer {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Waits until `url` answers (any status) or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Spawns `command args` with `env`, waits for `readyUrl`, and returns a handle that SIGTERMs it. */
export async function spawnServer({ command, args, env, port, readyPath = '/' }: { command: string; args: string[]; env: Record<string, string>; port: number; readyPath?: string }): Promise<SpawnedServer> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}${readyPath}`);
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
