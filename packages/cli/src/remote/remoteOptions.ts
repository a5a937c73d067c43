import type { Command } from 'commander';
import { clientCredentials, createAuthloopClient } from '@authloop/sdk';
import type { AuthloopClient } from '@authloop/sdk';
import { z } from 'zod';
import { UsageError } from './UsageError.ts';

/** Where the server is when neither `--server` nor `AUTHLOOP_SERVER` says. */
export const DEFAULT_SERVER = 'http://localhost:8080';

/** The options every command that calls a running server over HTTP takes. */
export interface RemoteOptions {
  readonly server?: string | undefined;
  readonly clientId?: string | undefined;
  readonly clientSecret?: string | undefined;
}

/** A connection to a running server, authenticated with an API client's credentials. */
export interface Remote {
  /** The server's origin, without a trailing slash (also where the web app is served). */
  readonly server: string;
  readonly client: AuthloopClient;
}

/** Adds `--server`, `--client-id` and `--client-secret` to a command. */
export function addRemoteOptions(command: Command): Command {
  return command
    .option('--server <url>', `server URL (default AUTHLOOP_SERVER or ${DEFAULT_SERVER})`)
    .option('--client-id <id>', 'API client id (default AUTHLOOP_CLIENT_ID)')
    .option('--client-secret <secret>', 'API client secret (default AUTHLOOP_CLIENT_SECRET; prefer the variable: arguments show in process lists)');
}

const serverUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/**
 * Builds an SDK client from the options, falling back to `AUTHLOOP_SERVER`, `AUTHLOOP_CLIENT_ID` and
 * `AUTHLOOP_CLIENT_SECRET`. Throws {@link UsageError} when the credentials are missing or the URL is
 * malformed; a wrong secret is the server's answer (`INVALID_CLIENT`) on the first call.
 */
export function connectRemote(options: RemoteOptions, env: NodeJS.ProcessEnv = process.env): Remote {
  const rawServer = options.server ?? env['AUTHLOOP_SERVER'] ?? DEFAULT_SERVER;
  const parsed = serverUrl.safeParse(rawServer);
  if (!parsed.success) throw new UsageError(`--server "${rawServer}" ${parsed.error.issues[0]?.message ?? 'is not a URL'}`);
  const server = parsed.data.replace(/\/+$/, '');
  const clientId = options.clientId ?? env['AUTHLOOP_CLIENT_ID'];
  const clientSecret = options.clientSecret ?? env['AUTHLOOP_CLIENT_SECRET'];
  if (clientId === undefined || clientId === '') throw new UsageError('an API client is needed: --client-id or AUTHLOOP_CLIENT_ID (`authloop admin bootstrap` prints one)');
  if (clientSecret === undefined || clientSecret === '') throw new UsageError('the API client secret is needed: AUTHLOOP_CLIENT_SECRET or --client-secret');
  const client = createAuthloopClient({ baseUrl: server, token: clientCredentials({ clientId, clientSecret, baseUrl: server }) });
  return { server, client };
}
