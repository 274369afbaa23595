import { ConfigError, loadConfig } from './app-config';

const defaults = { clientDir: null };

function errorOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env, defaults);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it('has working defaults for a newcomer', () => {
    expect(loadConfig({}, defaults)).toMatchObject({
      port: 3000,
      dataDir: './data',
      databaseUrl: undefined,
      redisUrl: undefined,
      corsOrigins: [],
      tombstoneRetentionDays: 90,
      recordHistory: true,
    });
  });

  it('switches the change history off with FINWISE_HISTORY=off', () => {
    expect(loadConfig({ FINWISE_HISTORY: 'off' }, defaults).recordHistory).toBe(false);
    expect(loadConfig({ FINWISE_HISTORY: 'on' }, defaults).recordHistory).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }, defaults).port).toBe(3000);
  });

  it.each([
    [
      { PORT: 'abc' },
      'Invalid configuration: PORT must be an integer between 0 and 65535 (got "abc")',
    ],
    [
      { PORT: '70000' },
      'Invalid configuration: PORT must be an integer between 0 and 65535 (got "70000")',
    ],
    [
      { DATABASE_URL: 'mysql://x' },
      'Invalid configuration: DATABASE_URL must be a URL starting with postgres:// or postgresql:// (got "mysql://x")',
    ],
    [
      { REDIS_URL: 'localhost:6379' },
      'Invalid configuration: REDIS_URL must be a URL starting with redis:// or rediss:// (got "localhost:6379")',
    ],
    [{ JWT_SECRET: 'short' }, 'Invalid configuration: JWT_SECRET must be at least 32 characters'],
    [
      { NODE_ENV: 'production' },
      'Invalid configuration: JWT_SECRET is required when NODE_ENV=production',
    ],
    [
      { FINWISE_HISTORY: 'no' },
      'Invalid configuration: FINWISE_HISTORY must be on or off (got "no")',
    ],
    [
      { CORS_ORIGINS: 'https://ok.example, not an origin' },
      'Invalid configuration: CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.com (got "https://ok.example, not an origin")',
    ],
  ])('refuses %j with one clear line', (env, message) => {
    const text = errorOf(env);
    expect(text).toBe(message);
    expect(text).not.toContain('\n');
  });

  it('parses CORS origins', () => {
    expect(
      loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:4200' }, defaults)
        .corsOrigins,
    ).toEqual(['https://a.example', 'http://localhost:4200']);
  });
});
