import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root (two levels above apps/server/src). */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const intFrom = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Environment variables the server reads, with defaults. Documented in the README's configuration table. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTHLOOP_DATA_DIR: z.string().default(`${repoRoot}data`),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  AUTHLOOP_MASTER_KEY: z.string().optional(),
  AUTHLOOP_MASTER_KEY_FILE: z.string().optional(),
  AUTHLOOP_ISSUER: z.string().url().optional(),
  AUTHLOOP_MODELS_DIR: z.string().optional(),
  AUTHLOOP_ACCESS_TOKEN_TTL_S: intFrom(600),
  AUTHLOOP_REFRESH_TOKEN_TTL_S: intFrom(30 * 24 * 3600),
  AUTHLOOP_BODY_LIMIT_BYTES: intFrom(1024 * 1024),
  AUTHLOOP_RATE_LIMIT_MAX: intFrom(1200),
  AUTHLOOP_RATE_LIMIT_WINDOW_S: intFrom(60),
  AUTHLOOP_TOKEN_RATE_LIMIT_MAX: intFrom(300),
  AUTHLOOP_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

/** The parsed, frozen configuration. */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  /** Base64 master key, or undefined when it comes from a file or (development) the data directory. */
  readonly masterKey: string | undefined;
  readonly masterKeyFile: string | undefined;
  readonly issuer: string;
  readonly modelsDir: string | undefined;
  readonly accessTokenTtlS: number;
  readonly refreshTokenTtlS: number;
  readonly bodyLimitBytes: number;
  readonly rateLimit: { readonly max: number; readonly windowS: number; readonly tokenMax: number };
  readonly trustProxy: boolean;
}

/** Raised when the environment cannot make a valid configuration. The message names each variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the configuration once from `env`. In production, `DATABASE_URL` and explicit key material
 * (`AUTHLOOP_MASTER_KEY` or `AUTHLOOP_MASTER_KEY_FILE`) are required.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    const missing: string[] = [];
    if (e.DATABASE_URL === undefined) missing.push('DATABASE_URL (PostgreSQL with pgvector; the embedded database is for development)');
    if (e.AUTHLOOP_MASTER_KEY === undefined && e.AUTHLOOP_MASTER_KEY_FILE === undefined) missing.push('AUTHLOOP_MASTER_KEY or AUTHLOOP_MASTER_KEY_FILE (32 bytes, base64; generated keys are for development only)');
    if (missing.length > 0) throw new ConfigError(`NODE_ENV=production needs explicit settings. Missing:\n  ${missing.join('\n  ')}`);
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    dataDir: e.AUTHLOOP_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    masterKey: e.AUTHLOOP_MASTER_KEY,
    masterKeyFile: e.AUTHLOOP_MASTER_KEY_FILE,
    issuer: e.AUTHLOOP_ISSUER ?? `http://localhost:${e.PORT}`,
    modelsDir: e.AUTHLOOP_MODELS_DIR,
    accessTokenTtlS: e.AUTHLOOP_ACCESS_TOKEN_TTL_S,
    refreshTokenTtlS: e.AUTHLOOP_REFRESH_TOKEN_TTL_S,
    bodyLimitBytes: e.AUTHLOOP_BODY_LIMIT_BYTES,
    rateLimit: Object.freeze({ max: e.AUTHLOOP_RATE_LIMIT_MAX, windowS: e.AUTHLOOP_RATE_LIMIT_WINDOW_S, tokenMax: e.AUTHLOOP_TOKEN_RATE_LIMIT_MAX }),
    trustProxy: e.AUTHLOOP_TRUST_PROXY === 'true',
  });
}
