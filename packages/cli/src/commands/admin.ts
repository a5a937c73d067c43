import type { Command } from 'commander';
import { clientScopes, createServices, openRuntime } from '@authloop/server';

/**
 * `authloop admin bootstrap`: creates the first tenant and an API client holding every scope, and
 * prints the credentials once (`--json`: one JSON object `{ tenantId, clientId, clientSecret }`).
 */
export function registerAdminCommands(program: Command): void {
  const admin = program.command('admin').description('Platform administration');
  admin
    .command('bootstrap')
    .description('Create a tenant and an API client with every scope; prints the client secret once')
    .option('--name <name>', 'tenant name', 'Default tenant')
    .option('--client-name <name>', 'API client name', 'bootstrap client')
    .option('--json', 'print one JSON object { tenantId, clientId, clientSecret }')
    .action(async (opts: { name: string; clientName: string; json?: boolean }) => {
      const runtime = await openRuntime();
      try {
        const services = await createServices(runtime);
        const tenant = await services.tenants.create({ name: opts.name });
        const { client, clientSecret } = await services.clients.create({ tenantId: tenant.id, name: opts.clientName, scopes: clientScopes });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ tenantId: tenant.id, clientId: client.id, clientSecret })}\n`);
        } else {
          process.stdout.write(
            [
              `Tenant "${tenant.name}" created.`,
              `  tenantId:     ${tenant.id}`,
              `  clientId:     ${client.id}`,
              `  clientSecret: ${clientSecret}`,
              '',
              'The secret is shown once. Get a token with:',
              `  curl -s -u '${client.id}:<secret>' -d grant_type=client_credentials http://localhost:${runtime.config.port}/oauth/token`,
              '',
            ].join('\n'),
          );
        }
      } finally {
        await runtime.close();
      }
    });
}
