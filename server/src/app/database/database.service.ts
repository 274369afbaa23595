import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource, type EntityManager, type MixedList } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { installPgTypeParsers } from './pg-type-parsers';
import { prepareAppRole } from './app-role';
import { declareScope, type DatabaseScope } from './database-scope';
import { MIGRATIONS } from './migrations';
import { PipelinedTransaction } from './pipelined-transaction';
import type { SqlRunner } from './sql-runner';

/** Advisory lock key serialising migrations of instances that start together. */
const MIGRATION_LOCK_KEY = 7_316_452_001;

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * Owns the connection pool. Without DATABASE_URL it starts the embedded PostgreSQL first;
 * migrations always run before the server accepts requests (never `synchronize`).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type TableClass = Function;

@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private embedded: EmbeddedPostgres | null = null;
  private source: DataSource | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tables: MixedList<TableClass>,
  ) {}

  get kind(): DatabaseKind {
    return this.config.databaseUrl ? 'postgres' : 'pglite';
  }

  get dataSource(): DataSource {
    if (!this.source) throw new Error('Database not connected yet');
    return this.source;
  }

  async connect(): Promise<void> {
    installPgTypeParsers();
    let url = this.config.databaseUrl;
    if (url) {
      url = await this.migrateAsOwner(url);
    } else {
      this.embedded = await startEmbeddedPostgres(this.config.dataDir);
      url = this.embedded.url;
    }
    const source = this.createDataSource(url, {
      // PGlite executes one statement at a time; a small pool avoids queueing sockets for nothing.
      max: this.kind === 'pglite' ? 4 : 20,
    });
    await source.initialize();
    this.source = source;
    // PGlite has a single superuser, so there the repositories' tenant scoping is the guard.
    if (this.kind === 'pglite') await this.migrate(source);
  }

  /**
   * Migrates on one dedicated owner connection under an advisory lock (instances starting
   * together migrate once), prepares the serving role, then closes the owner connection.
   */
  private async migrateAsOwner(ownerUrl: string): Promise<string> {
    const owner = this.createDataSource(ownerUrl, { max: 1 });
    await owner.initialize();
    try {
      await owner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await this.migrate(owner);
        return await prepareAppRole(owner, ownerUrl, this.config);
      } finally {
        await owner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await owner.destroy();
    }
  }

  private async migrate(source: DataSource): Promise<void> {
    const applied = await source.runMigrations({ transaction: 'each' });
    if (applied.length > 0) this.logger.log(`Applied ${applied.length} migration(s)`);
  }

  private createDataSource(url: string, pool: { max: number }): DataSource {
    return new DataSource({
      type: 'postgres',
      url,
      entities: this.tables,
      migrations: MIGRATIONS,
      synchronize: false,
      logging: ['error'],
      // Pipeline mode lets the push path issue a transaction's statements together (see
      // PipelinedTransaction); a caller that awaits each statement sees no difference.
      extra: { ...pool, connectionTimeoutMillis: 30_000, pipeline: true },
    });
  }

  /**
   * Runs `work` in one transaction scoped to a tenant (RLS reads `app.tenant_id`), optionally
   * in a REPEATABLE READ snapshot and with transaction-local planner `settings`.
   */
  async inTenantTransaction<T>(
    tenantId: string,
    work: (manager: EntityManager) => Promise<T>,
    options: { isolation?: 'REPEATABLE READ'; settings?: Readonly<Record<string, string>> } = {},
  ): Promise<T> {
    return this.inScope({ tenantId }, work, options);
  }

  /**
   * Runs `work` in one transaction that declares what it works on (see DatabaseScope): the
   * account flows, which start before the household is known. `declareScope` widens it later.
   */
  async inScope<T>(
    scope: DatabaseScope,
    work: (manager: EntityManager) => Promise<T>,
    options: { isolation?: 'REPEATABLE READ'; settings?: Readonly<Record<string, string>> } = {},
  ): Promise<T> {
    const scoped = async (manager: EntityManager) => {
      await declareScope(manager, scope, options.settings);
      return work(manager);
    };
    // READ COMMITTED is PostgreSQL's default: naming it would cost every write a round trip
    // (`SET TRANSACTION ISOLATION LEVEL …`) while the household's counter row is locked.
    return options.isolation
      ? this.dataSource.transaction(options.isolation, scoped)
      : this.dataSource.transaction(scoped);
  }

  /**
   * A household's write transaction for the push path, on one connection driven with plain
   * parameterised SQL: BEGIN and the household's scope are sent without waiting, so they travel
   * with the first statements `work` issues. TypeORM does not know of this transaction: `work`
   * runs plain statements only (no TypeORM locks or nested transactions).
   */
  async inTenantWrite<T>(tenantId: string, work: (sql: SqlRunner) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    const sql = new PipelinedTransaction(client, this.kind === 'postgres');
    try {
      const opened = Promise.all([
        sql.rows('BEGIN'),
        sql.rows(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]),
      ]);
      opened.catch(() => undefined); // awaited below; `work` meanwhile fails on its own if it failed
      const result = await work(sql);
      await opened;
      await sql.rows('COMMIT');
      return result;
    } catch (error) {
      await sql.rows('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    const source = this.source;
    this.source = null;
    if (source?.isInitialized) await source.destroy();
    await this.embedded?.stop();
    this.embedded = null;
  }
}
