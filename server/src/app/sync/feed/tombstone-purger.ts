import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { allTenantIds } from '../../database/database-scope';
import { DatabaseService } from '../../database/database.service';
import { sqlOf } from '../../database/sql-runner';
import { ChangeHistory } from '../history/change-history';
import { SyncedEntityRegistry } from '../tables/synced-entity-registry';
import { ChangeFeed } from './change-feed';
import { MutationLog } from './mutation-log';

const PURGE_INTERVAL_MS = 6 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Deletes tombstones older than the retention horizon, and with them the change history of the
 * purged rows and everything it recorded before that horizon. It records the highest purged feed
 * position per tenant: a client whose cursor is older may have missed a delete and is told
 * to reload (`resync_required`) instead of silently keeping a deleted row.
 */
@Injectable()
export class TombstonePurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TombstonePurger');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: DatabaseService,
    private readonly registry: SyncedEntityRegistry,
    private readonly feed: ChangeFeed,
    private readonly log: MutationLog,
    private readonly history: ChangeHistory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setInterval(() => void this.purgeSafely(), PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Purges tombstones written before `now - retention`; returns how many rows went. */
  async purge(nowMs: number = Date.now()): Promise<number> {
    // Server time, never the delete's HLC: a device with a slow clock must not make a
    // household's tombstones (and its devices' cursors) expire early.
    const cutoff = new Date(nowMs - this.config.tombstoneRetentionDays * DAY_MS);
    let purged = 0;
    for (const tenantId of await allTenantIds(this.database.dataSource)) {
      purged += await this.database.inTenantTransaction(tenantId, async (manager) => {
        const sql = sqlOf(manager);
        // Holding the feed lock keeps writers out while positions are compared.
        await this.feed.lock(sql, tenantId);
        let count = 0;
        let highest = 0;
        for (const table of this.registry.all()) {
          const purgedRows = await table.purgeTombstones(sql, tenantId, cutoff);
          count += purgedRows.length;
          for (const row of purgedRows) highest = Math.max(highest, row.serverSeq);
          // A purged row's history goes with it, also what arrived after its delete (lost edits).
          const ids = purgedRows.map((row) => row.id);
          await this.history.purgeRows(sql, tenantId, table.modelName, ids);
        }
        // Mutation ids older than the horizon cannot come back: their clients had to reload.
        await this.log.purgeOlderThan(sql, tenantId, cutoff);
        // The history is kept exactly as long as tombstones.
        await this.history.purgeOlderThan(sql, tenantId, cutoff);
        if (highest > 0) await this.feed.markPurged(sql, tenantId, highest);
        return count;
      });
    }
    return purged;
  }

  private async purgeSafely(): Promise<void> {
    try {
      const count = await this.purge();
      if (count > 0)
        this.logger.log(
          `Purged ${count} tombstone(s) older than ${this.config.tombstoneRetentionDays} days`,
        );
    } catch (error) {
      this.logger.warn(`Tombstone purge failed: ${(error as Error).message}`);
    }
  }
}
