import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { onCleanup } from './cleanup';

/** The local PostgreSQL (trust auth); override with BENCH_POSTGRES_URL. */
export function adminUrl(): string {
  return process.env['BENCH_POSTGRES_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface BenchDatabase {
  name: string;
  /** Owner URL: the server migrates with it and then serves as its own `finwise_app` role. */
  url: string;
  /** Superuser pool on the same database for the raw baselines. */
  pool: Pool;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function postgresVersion(): Promise<string> {
  return withAdmin(
    async (client) =>
      (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]
        .v,
  );
}

/**
 * The server settings that move write throughput and latency (buffers, WAL and its flushing,
 * checkpoints, autovacuum): the same figures mean little without them.
 */
export const REPORTED_SETTINGS = [
  'shared_buffers',
  'work_mem',
  'synchronous_commit',
  'fsync',
  'wal_sync_method',
  'wal_level',
  'full_page_writes',
  'wal_buffers',
  'commit_delay',
  'max_wal_size',
  'checkpoint_timeout',
  'autovacuum',
] as const;

/** One row of `pg_settings`: the value in `unit`s (`16384` of `8kB`), as PostgreSQL reports it. */
export interface PostgresSetting {
  setting: string;
  unit: string | null;
}

export async function postgresSettings(): Promise<Record<string, PostgresSetting>> {
  const { rows } = await withAdmin((client) =>
    client.query<PostgresSetting & { name: string }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1) ORDER BY name`,
      [REPORTED_SETTINGS],
    ),
  );
  return Object.fromEntries(rows.map(({ name, setting, unit }) => [name, { setting, unit }]));
}

/** A throwaway database `finwise_bench_<random>`, dropped on cleanup even after a failure. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `finwise_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: 4 });
  const drop = onCleanup(`database ${name}`, async () => {
    await pool.end().catch(() => undefined);
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  return { name, url: url.toString(), pool, drop };
}
