import type { Command } from 'commander';
import { createServices, openRuntime } from '@authloop/server';
import { rotateMasterKeyCommand } from './rotateMasterKeyCommand.ts';

/** `authloop keys rotate`: adds a new signing key; tokens signed by older keys stay valid until they expire. */
export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('Key management');
  keys
    .command('rotate')
    .description('Add a new EdDSA signing key and make it current (old keys keep verifying); with --master, re-wrap all data keys under a new master key')
    .option('--master', 'rotate the master key instead: re-wrap every tenant data key and signing key (templates untouched)')
    .option('--new-key-file <path>', 'with --master: file holding the new base64 master key (generated when missing)')
    .action(async (opts: { master?: boolean; newKeyFile?: string }) => {
      if (opts.master) {
        if (opts.newKeyFile === undefined) throw new Error('--master needs --new-key-file <path>');
        await rotateMasterKeyCommand({ newKeyFile: opts.newKeyFile });
        return;
      }
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
