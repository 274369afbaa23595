import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The local PostgreSQL 15 of the dev machine and CI (trust auth). */
export const DEFAULT_POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ThrowawayPostgres {
  /** Connection URL of the new, empty database. */
  url: string;
  name: string;
  /** Drops the database, closing whatever connections are still open on it. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  return (
    process.env['FINWISE_TEST_POSTGRES_ADMIN_URL'] ||
    process.env['DATABASE_URL'] ||
    DEFAULT_POSTGRES_ADMIN_URL
  );
}

/** Whether a real PostgreSQL answers (DATABASE_URL, else the local one on 127.0.0.1:5432). */
export async function postgresReachable(): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
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

/** A fresh database `finwise_test_<random>` for one test server, dropped afterwards. */
export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const name = `finwise_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
