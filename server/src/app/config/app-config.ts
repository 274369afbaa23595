import * as z from 'zod';

/** Validated server configuration (DESIGN: commands and configuration). */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string | undefined;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  /** Undefined in development until generated and stored in DATA_DIR (see jwt-secret.ts). */
  jwtSecret: string | undefined;
  corsOrigins: string[];
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /**
   * How long a refresh token that was just exchanged may be presented again (a retry whose
   * answer was lost) before that counts as reuse. 0: never.
   */
  refreshReuseGraceSeconds: number;
  tombstoneRetentionDays: number;
  /**
   * Whether pushes and REST writes are recorded in the change history (FINWISE_HISTORY). Off
   * only to measure what recording costs, or to shed that cost in an emergency: the history
   * endpoint then shows nothing written meanwhile.
   */
  recordHistory: boolean;
  appDbPassword: string | undefined;
  /** Directory of the built Angular app; null disables static serving. */
  clientDir: string | null;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  rateLimits: RateLimits;
}

/** Abuse limits; 0 turns one off. */
export interface RateLimits {
  /** HTTP requests per minute per client IP. */
  httpPerMinute: number;
  /** Sign-up, login, refresh and join attempts per minute per client IP. */
  authPerMinute: number;
  /** Socket events per second per connection. */
  socketPerSecond: number;
  /** Socket events per second per household, across connections (and instances with Redis). */
  tenantPerSecond: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const int = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${name} must be an integer between ${min} and ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, {
      error: `${name} must be an integer between ${min} and ${max}`,
    });

const url = (name: string, protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: `${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: 'NODE_ENV must be development, production or test',
    })
    .default('development'),
  HOST: z.string().min(1).optional(),
  PORT: int('PORT', 0, 65535).default(3000),
  DATABASE_URL: url('DATABASE_URL', ['postgres:', 'postgresql:']).optional(),
  DATA_DIR: z.string().min(1, { error: 'DATA_DIR must not be empty' }).default('./data'),
  REDIS_URL: url('REDIS_URL', ['redis:', 'rediss:']).optional(),
  JWT_SECRET: z.string().min(32, { error: 'JWT_SECRET must be at least 32 characters' }).optional(),
  CORS_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .refine((origins) => origins.every(isOrigin), {
      error:
        'CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.com',
    })
    .optional(),
  ACCESS_TOKEN_TTL_SECONDS: int('ACCESS_TOKEN_TTL_SECONDS', 5, 86_400).default(900),
  REFRESH_TOKEN_TTL_SECONDS: int('REFRESH_TOKEN_TTL_SECONDS', 60, 31_536_000).default(30 * 86_400),
  REFRESH_REUSE_GRACE_SECONDS: int('REFRESH_REUSE_GRACE_SECONDS', 0, 300).default(30),
  TOMBSTONE_RETENTION_DAYS: int('TOMBSTONE_RETENTION_DAYS', 1, 36_500).default(90),
  FINWISE_HISTORY: z
    .enum(['on', 'off'], { error: 'FINWISE_HISTORY must be on or off' })
    .default('on'),
  FINWISE_APP_PASSWORD: z
    .string()
    .min(12, { error: 'FINWISE_APP_PASSWORD must be at least 12 characters' })
    .optional(),
  CLIENT_DIR: z.string().optional(),
  HTTP_RATE_LIMIT: int('HTTP_RATE_LIMIT', 0, 1_000_000).default(1200),
  AUTH_RATE_LIMIT: int('AUTH_RATE_LIMIT', 0, 1_000_000).default(20),
  SOCKET_RATE_LIMIT: int('SOCKET_RATE_LIMIT', 0, 1_000_000).default(100),
  TENANT_RATE_LIMIT: int('TENANT_RATE_LIMIT', 0, 1_000_000).default(400),
  LOG_LEVEL: z
    .enum(['error', 'warn', 'log', 'debug'], {
      error: 'LOG_LEVEL must be error, warn, log or debug',
    })
    .default('log'),
});

function isOrigin(value: string): boolean {
  try {
    const parsed = new URL(value);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      parsed.origin === value.replace(/\/$/, '')
    );
  } catch {
    return false;
  }
}

/**
 * Reads and validates the environment. Empty variables count as unset, so `PORT= npm start`
 * behaves like no PORT at all. Throws a ConfigError whose message is one line naming the variable.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  defaults: { clientDir: string | null },
): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const got = present[variable];
    const shown =
      variable.includes('SECRET') || variable.includes('PASSWORD')
        ? ''
        : got !== undefined
          ? ` (got "${got}")`
          : '';
    const message = issue.message.startsWith(variable)
      ? issue.message
      : `${variable}: ${issue.message}`;
    throw new ConfigError(`Invalid configuration: ${message}${shown}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) {
    throw new ConfigError('Invalid configuration: JWT_SECRET is required when NODE_ENV=production');
  }
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    jwtSecret: e.JWT_SECRET,
    corsOrigins: e.CORS_ORIGINS ?? [],
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
    refreshReuseGraceSeconds: e.REFRESH_REUSE_GRACE_SECONDS,
    tombstoneRetentionDays: e.TOMBSTONE_RETENTION_DAYS,
    recordHistory: e.FINWISE_HISTORY === 'on',
    appDbPassword: e.FINWISE_APP_PASSWORD,
    clientDir: e.CLIENT_DIR ?? defaults.clientDir,
    logLevel: e.LOG_LEVEL,
    rateLimits: {
      httpPerMinute: e.HTTP_RATE_LIMIT,
      authPerMinute: e.AUTH_RATE_LIMIT,
      socketPerSecond: e.SOCKET_RATE_LIMIT,
      tenantPerSecond: e.TENANT_RATE_LIMIT,
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
