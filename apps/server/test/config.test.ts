import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/Config.ts';

describe('configuration', () => {
  it('runs with no configuration in development mode', () => {
    const c = loadConfig({});
    expect(c.env).toBe('development');
    expect(c.port).toBe(8080);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/data$/);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('refuses production without DATABASE_URL and key material, naming each variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTHLOOP_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTHLOOP_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') })).not.toThrow(/AUTHLOOP_MASTER_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(/AUTHLOOP_MASTER_KEY/);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@localhost/db', AUTHLOOP_MASTER_KEY: 'k' }).env).toBe('production');
  });

  it('rejects malformed values with the variable name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});
