import { Client } from 'pg';

/**
 * Decides once per jest run which databases the integration suites run against: the real
 * PostgreSQL (DATABASE_URL, else the local one on 127.0.0.1:5432) when reachable, and
 * always the embedded PGlite. Workers inherit the result through the environment.
 * `FINWISE_REQUIRE_POSTGRES=1` (set by CI) turns an unreachable PostgreSQL into a failure
 * instead of a PGlite-only run, so the PostgreSQL-only suites (row-level security, Redis
 * fan-out) can never be skipped unnoticed.
 */
export default async function globalSetup(): Promise<void> {
  const adminUrl = process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env['FINWISE_TEST_POSTGRES_ADMIN_URL'] = adminUrl;
  } catch (error) {
    if (process.env['FINWISE_REQUIRE_POSTGRES'] === '1') {
      throw new Error(
        `PostgreSQL is not reachable at ${adminUrl} and FINWISE_REQUIRE_POSTGRES=1: ${(error as Error).message}`,
      );
    }
    process.env['FINWISE_TEST_POSTGRES_ADMIN_URL'] = '';
    process.stderr.write(
      `PostgreSQL not reachable at ${adminUrl}: integration suites run on PGlite only\n`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
