import type { Database } from './Database.ts';
import { openPglite } from './openPglite.ts';
import { openPostgres } from './openPostgres.ts';

/**
 * Opens PostgreSQL when `databaseUrl` is set, otherwise the embedded database in `dataDir`
 * (in memory when neither is given).
 */
export async function openDatabase({ databaseUrl, dataDir }: { databaseUrl?: string | undefined; dataDir?: string | undefined }): Promise<Database> {
  if (databaseUrl !== undefined && databaseUrl !== '') return openPostgres({ url: databaseUrl });
  return openPglite({ dataDir });
}
