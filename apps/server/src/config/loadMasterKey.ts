import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKey, parseKey } from '@authloop/crypto';
import type { Config } from './Config.ts';
import { ConfigError } from './Config.ts';

/**
 * Finds the master key: `AUTHLOOP_MASTER_KEY`, else `AUTHLOOP_MASTER_KEY_FILE`, else (outside
 * production) `master.key` in the data directory, generated on first start. `warn` is called when a
 * development key is generated or used.
 */
export function loadMasterKey(config: Config, warn: (message: string) => void): Uint8Array {
  try {
    if (config.masterKey !== undefined) return parseKey(config.masterKey);
    if (config.masterKeyFile !== undefined) return parseKey(readFileSync(config.masterKeyFile, 'utf8'));
  } catch (cause) {
    const which = config.masterKey !== undefined ? 'AUTHLOOP_MASTER_KEY' : 'AUTHLOOP_MASTER_KEY_FILE';
    throw new ConfigError(`${which} is not usable: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  if (config.env === 'production') throw new ConfigError('AUTHLOOP_MASTER_KEY or AUTHLOOP_MASTER_KEY_FILE is required in production');
  const file = join(config.dataDir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${Buffer.from(generateKey()).toString('base64')}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    warn(`Generated a development master key at ${file}. Set AUTHLOOP_MASTER_KEY in production.`);
  } else {
    warn(`Using the development master key at ${file}. Set AUTHLOOP_MASTER_KEY in production.`);
  }
  return parseKey(readFileSync(file, 'utf8'));
}
