import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager, type MixedList } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { installPgTypeParsers } from './pg-type-parsers';
import { MIGRATIONS } from './migrations';

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
    if (!url) {
      this.embedded = await startEmbeddedPostgres(this.config.dataDir);
      url = this.embedded.url;
    }
    const source = new DataSource({
      type: 'postgres',
      url,
      entities: this.tables,
      migrations: MIGRATIONS,
      migrationsTransactionMode: 'each',
      synchronize: false,
      logging: ['error'],
      // PGlite executes one statement at a time; a small pool avoids queueing sockets for nothing.
      extra: { max: this.kind === 'pglite' ? 4 : 20, connectionTimeoutMillis: 30_000 },
    });
    await source.initialize();
    this.source = source;
    const applied = await source.runMigrations();
    if (applied.length > 0) this.logger.log(`Applied ${applied.length} migration(s)`);
  }

  /** Runs `work` in one transaction scoped to a tenant (RLS reads `app.tenant_id`). */
  async inTenantTransaction<T>(
    tenantId: string,
    work: (manager: EntityManager) => Promise<T>,
    isolation: 'READ COMMITTED' | 'REPEATABLE READ' = 'READ COMMITTED',
  ): Promise<T> {
    return this.dataSource.transaction(isolation, async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return work(manager);
    });
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
