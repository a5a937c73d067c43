import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { createServices, openRuntime } from '@authloop/server';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/**
 * `authloop admin create-operator`: creates an operator (the first admin of a tenant, or a platform
 * superadmin). Without `--password-stdin` a strong random password is generated and printed once.
 */
export function registerOperatorCommands(program: Command): void {
  const admin = program.commands.find((c) => c.name() === 'admin') ?? program.command('admin').description('Platform administration');
  admin
    .command('create-operator')
    .description('Create an operator: --tenant ID --role admin|operator|auditor, or --superadmin')
    .requiredOption('--email <email>', 'sign-in email')
    .option('--tenant <id>', 'tenant id (not for --superadmin)')
    .option('--role <role>', 'admin, operator or auditor', 'admin')
    .option('--superadmin', 'a platform superadmin (manages tenants; belongs to none)')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .option('--json', 'print one JSON object { operatorId, tenantId, email, role, password? }')
    .action(async (opts: { email: string; tenant?: string; role: string; superadmin?: boolean; passwordStdin?: boolean; json?: boolean }) => {
      const role = opts.superadmin ? 'superadmin' : opts.role;
      if (role !== 'superadmin' && role !== 'admin' && role !== 'operator' && role !== 'auditor') throw new Error(`--role must be admin, operator or auditor, not "${opts.role}"`);
      const tenantId = role === 'superadmin' ? null : (opts.tenant ?? null);
      if (role !== 'superadmin' && tenantId === null) throw new Error('--tenant is required (or use --superadmin)');
      if (role === 'superadmin' && opts.tenant !== undefined) throw new Error('a superadmin belongs to no tenant: drop --tenant');
      const generated = opts.passwordStdin ? null : randomBytes(18).toString('base64url');
      const password = generated ?? (await readStdin());
      const runtime = await openRuntime();
      try {
        const services = await createServices(runtime);
        const o = await services.operators.create({ tenantId, email: opts.email, role, password }, { type: 'system', id: null });
        if (opts.json) process.stdout.write(`${JSON.stringify({ operatorId: o.id, tenantId: o.tenantId, email: o.email, role: o.role, ...(generated ? { password: generated } : {}) })}\n`);
        else {
          process.stdout.write(`Operator ${o.email} (${o.role}) created: ${o.id}${o.tenantId ? ` in tenant ${o.tenantId}` : ' (platform)'}.\n`);
          if (generated) process.stdout.write(`  password: ${generated}\n  It is shown once. Sign in at POST /v1/operators/sign-in and register a passkey.\n`);
        }
      } finally {
        await runtime.close();
      }
    });
}
