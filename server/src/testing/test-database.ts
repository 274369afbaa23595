import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type TestDatabaseKind = 'postgres' | 'pglite';

/** The databases this run tests against (see global-setup.ts). */
export function testDatabaseKinds(): TestDatabaseKind[] {
  const only = process.env['FINWISE_TEST_DB'];
  if (only === 'postgres' || only === 'pglite') return [only];
  return process.env['FINWISE_TEST_POSTGRES_ADMIN_URL'] ? ['postgres', 'pglite'] : ['pglite'];
}

function adminUrl(): string {
  const url = process.env['FINWISE_TEST_POSTGRES_ADMIN_URL'];
  if (!url) throw new Error('PostgreSQL is not available for this test run');
  return url;
}

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database for one suite, dropped afterwards. */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const name = `finwise_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
