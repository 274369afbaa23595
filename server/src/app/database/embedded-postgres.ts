import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';

export interface EmbeddedPostgres {
  /** Connection URL of the loopback socket serving the embedded database. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL compiled to WASM) on a data directory and serves it on a loopback
 * port, so TypeORM and `pg` talk to it exactly as to a real server: one code path for both.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const directory = resolve(dataDir, 'pglite');
  await mkdir(directory, { recursive: true });
  // Both packages are ESM-first; loading them lazily keeps them out of PostgreSQL-only runs.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const started = Date.now();
  const db = await PGlite.create(join(directory));
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  const address = server.getServerConn();
  new Logger('Database').log(
    `Embedded PostgreSQL (PGlite) at ${directory} ready in ${Date.now() - started} ms`,
  );
  let stopped = false;
  return {
    url: `postgres://postgres@${address}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
