import { execFile } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { ThrowawayPostgres } from './throwaway-postgres';
import { freePort } from './free-port';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL cluster of a test's own (initdb + pg_ctl on a free port in a temporary
 * directory), so a test may restart or kill it under load without touching the machine's
 * shared server. PostgreSQL refuses to run as root: as root, the binaries run as `postgres`.
 */
export interface OwnPostgresCluster {
  readonly port: number;
  /** A database on it, in the shape the server process takes (`sharedDatabase`). */
  readonly database: ThrowawayPostgres;
  /** `pg_ctl restart -m fast`: every connection is cut, committed data stays. */
  restart(): Promise<void>;
  /** `pg_ctl stop -m immediate` then start: a crash, recovered from the WAL. */
  crashAndRecover(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startOwnPostgresCluster(): Promise<OwnPostgresCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'finwise-pg-'));
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args])
      : run(join(BIN, tool), args);
  await pg('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const ctl = (action: string, extra: string[] = []) =>
    pg('pg_ctl', [action, '-D', dataDir, '-w', '-t', '60', '-l', join(dir, 'log'), ...extra]);
  await ctl('start', ['-o', options]);

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const name = 'finwise_soak';
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const database: ThrowawayPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/${name}`,
    name,
    // The cluster goes away whole in dispose().
    drop: async () => undefined,
  };
  return {
    port,
    database,
    async restart() {
      await ctl('restart', ['-m', 'fast', '-o', options]);
    },
    async crashAndRecover() {
      await ctl('stop', ['-m', 'immediate']);
      await ctl('start', ['-o', options]);
    },
    async dispose() {
      await ctl('stop', ['-m', 'immediate']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
