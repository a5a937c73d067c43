import type { Command } from 'commander';
import { createServices, openRuntime } from '@authloop/server';

/** `authloop keys rotate`: adds a new signing key; tokens signed by older keys stay valid until they expire. */
export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('Key management');
  keys
    .command('rotate')
    .description('Add a new EdDSA signing key and make it current (old keys keep verifying)')
    .action(async () => {
      const runtime = await openRuntime();
      try {
        const services = await createServices(runtime);
        const before = services.keys.ring.currentKid;
        const kid = await services.keys.rotate();
        process.stdout.write(`Signing key rotated: ${before} → ${kid}. Published keys: ${services.keys.ring.jwks().keys.length}.\n`);
      } finally {
        await runtime.close();
      }
    });
}
