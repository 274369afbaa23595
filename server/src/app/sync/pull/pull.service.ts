import { Injectable } from '@nestjs/common';
import {
  decodeCursor,
  encodeCursor,
  ErrorCodes,
  pullRequestSchema,
  SyncLimits,
  type PullResponse,
} from '@finwise/sync-protocol';
import { DatabaseService } from '../../database/database.service';
import { sqlOf } from '../../database/sql-runner';
import { ChangeFeed } from '../feed/change-feed';
import { ServerClock } from '../push/server-clock';
import { SyncedEntityRegistry } from '../tables/synced-entity-registry';
import type { StoredRow } from '../tables/synced-table';

// A feed page must be an index scan in `(tenant_id, server_seq)` order that stops after
// `limit` rows. When the planner underestimates a household (right after an import, or
// one big household among many small ones) it prefers a bitmap scan of everything after
// the cursor plus a sort — every page then reads the rest of the feed, and an initial
// load grows quadratically (17 ms a page at 40k rows). Sorting is never the right plan
// for these reads, so it is ruled out for the pull's transaction.
const INDEX_ORDERED_READS = { enable_sort: 'off' } as const;

/**
 * Pages through a tenant's change feed in `serverSeq` order across all entity tables. Every
 * page is read in one REPEATABLE READ snapshot: separate snapshots per table could show a
 * later commit in one table while missing an earlier one in another, and the cursor would
 * then skip it.
 */
@Injectable()
export class PullService {
  constructor(
    private readonly database: DatabaseService,
    private readonly registry: SyncedEntityRegistry,
    private readonly feed: ChangeFeed,
    private readonly clock: ServerClock,
  ) {}

  /** `body` is the wire request: validated with the published PullRequest schema, nothing else. */
  async pull(tenantId: string, body: unknown): Promise<PullResponse> {
    const request = pullRequestSchema.safeParse(body);
    if (!request.success) {
      const problems = request.error.issues.map((issue) =>
        issue.path.length === 0 ? `pull expects { cursor, limit? }` : issue.message,
      );
      return invalid([...new Set(problems)].join('; '));
    }
    const { cursor } = request.data;
    // The schema has already checked the cursor; decoding cannot fail here.
    const afterSeq = cursor === null ? 0 : (decodeCursor(cursor) ?? 0);
    const limit = clampPullLimit(request.data.limit);

    return this.database.inTenantTransaction(
      tenantId,
      async (manager): Promise<PullResponse> => {
        const sql = sqlOf(manager);
        const position = await this.feed.read(sql, tenantId);
        if (!position)
          return { error: { code: ErrorCodes.forbidden, message: 'unknown household' } };
        if (afterSeq > position.seq || (afterSeq > 0 && afterSeq < position.purgedSeq)) {
          return {
            error: {
              code: ErrorCodes.resyncRequired,
              message:
                'this cursor is no longer served (deleted rows were purged or the data was ' +
                'reset): clear local data and pull from null',
            },
          };
        }
        const tables = this.registry.all();
        const candidates: { modelName: string; row: StoredRow }[] = [];
        for (const table of tables) {
          const rows = await table.changesSince(sql, tenantId, afterSeq, limit + 1);
          for (const row of rows) candidates.push({ modelName: table.modelName, row });
        }
        candidates.sort((a, b) => a.row.serverSeq - b.row.serverSeq);
        const page = candidates.slice(0, limit);
        const last = page.at(-1);
        const response: PullResponse = {
          changes: page.map(({ modelName, row }) => ({ modelName, record: row.record })),
          cursor: last ? encodeCursor(last.row.serverSeq) : encodeCursor(afterSeq),
          hasMore: candidates.length > limit,
          serverTime: this.clock.nowIso(),
        };
        if (cursor === null) {
          let total = 0;
          for (const table of tables) total += await table.countSince(sql, tenantId, afterSeq);
          response.total = total;
        }
        return response;
      },
      { isolation: 'REPEATABLE READ', settings: INDEX_ORDERED_READS },
    );
  }
}

/** Any number is a usable page size: rounded down and clamped, as the protocol documents. */
function clampPullLimit(limit: number | undefined): number {
  if (limit === undefined) return SyncLimits.defaultPullLimit;
  return Math.min(SyncLimits.maxPullLimit, Math.max(1, Math.floor(limit)));
}

function invalid(message: string): PullResponse {
  return { error: { code: ErrorCodes.validation, message } };
}
