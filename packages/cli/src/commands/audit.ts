import type { Command } from 'commander';
import { createServices, openRuntime } from '@authloop/server';

/** Exit status of `authloop audit verify` when the chain is broken (1 stays "the command failed"). */
export const AUDIT_BROKEN_EXIT = 3;

/**
 * `authloop audit verify --tenant ID`: checks a tenant's whole audit chain (sequence, links, hashes,
 * head) and its signed checkpoints, and names the first bad record. Exits 0 when intact, 3 when not.
 * `authloop audit checkpoint [--tenant ID]` signs checkpoints now (all tenants without `--tenant`).
 */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Tamper-evident audit log');
  audit
    .command('verify')
    .description("Verify a tenant's audit chain and signed checkpoints; names the first bad record")
    .requiredOption('--tenant <id>', 'tenant id')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { tenant: string; json?: boolean }) => {
      const runtime = await openRuntime();
      let valid = false;
      try {
        const services = await createServices(runtime);
        const result = await services.auditTrail.verify(opts.tenant);
        valid = result.valid;
        if (opts.json) process.stdout.write(`${JSON.stringify({ tenantId: opts.tenant, ...result })}\n`);
        else if (result.firstBad === null) {
          process.stdout.write(`Audit chain of tenant ${opts.tenant} is intact: ${result.records} records, ${result.checkpointsVerified} signed checkpoints (anchored through record ${result.anchoredThrough}).\n`);
        } else {
          process.stdout.write(`Audit chain of tenant ${opts.tenant} is BROKEN at record ${result.firstBad.seq} (${result.firstBad.problem}): ${result.firstBad.message}.\n`);
        }
      } finally {
        await runtime.close();
      }
      // Set after close: the embedded database's runtime resets process.exitCode when it shuts down.
      if (!valid) process.exitCode = AUDIT_BROKEN_EXIT;
    });
  audit
    .command('checkpoint')
    .description('Sign a checkpoint of the chain head now (every tenant whose chain grew, or one tenant)')
    .option('--tenant <id>', 'tenant id')
    .action(async (opts: { tenant?: string }) => {
      const runtime = await openRuntime();
      try {
        const services = await createServices(runtime);
        if (opts.tenant !== undefined) process.stdout.write(`Checkpoint signed at record ${await services.auditTrail.checkpoint(opts.tenant)}.\n`);
        else process.stdout.write(`Checkpoints signed for ${await services.auditTrail.checkpointAll()} tenant(s).\n`);
      } finally {
        await runtime.close();
      }
    });
}
