import type { Command } from 'commander';
import { openRuntime, startServer } from '@authloop/server';

/** `authloop serve` and `authloop migrate`. */
export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Start the API server (same as npm start)')
    .action(async () => {
      await startServer();
    });
  program
    .command('migrate')
    .description('Apply pending database migrations and exit')
    .action(async () => {
      const runtime = await openRuntime();
      try {
        process.stdout.write(runtime.applied.length > 0 ? `Applied: ${runtime.applied.join(', ')}\n` : 'The database is up to date.\n');
      } finally {
        await runtime.close();
      }
    });
}
