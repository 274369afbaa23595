import { escapeLiteral } from 'pg';
import type { EntityManager } from 'typeorm';
import { queryRows, queryRowsNow } from '../database/query-rows';
import type { LogEntry } from './mutation-log';

export interface FeedPosition {
  seq: number;
  purgedSeq: number;
}

/**
 * The per-tenant change counter (`tenants.seq`). A writer locks the tenant row first, merges,
 * then advances the counter by the number of rows it changed and stamps them with the new
 * positions, all in one transaction: positions are gap-free and in commit order per tenant,
 * so a cursor can never skip a row.
 */
export const ChangeFeed = {
  /** Locks the household's feed row for the rest of the transaction (sent at once, see queryRowsNow). */
  async lock(manager: EntityManager, tenantId: string): Promise<FeedPosition | null> {
    return ChangeFeed.positionOf(
      await queryRowsNow(manager, positionSql('$1', ' FOR UPDATE'), [tenantId]),
    );
  },

  /** The lock as a statement without parameters, to travel with others in one message (see DatabaseService.inTenantWrite). */
  lockStatement(tenantId: string): string {
    return positionSql(escapeLiteral(tenantId), ' FOR UPDATE');
  },

  /** The position a lock or read statement returned; null when the household does not exist. */
  positionOf(rows: readonly unknown[]): FeedPosition | null {
    const row = rows[0] as { seq: number; purged_seq: number } | undefined;
    return row ? { seq: row.seq, purgedSeq: row.purged_seq } : null;
  },

  async read(manager: EntityManager, tenantId: string): Promise<FeedPosition | null> {
    return ChangeFeed.positionOf(await queryRows(manager, positionSql('$1', ''), [tenantId]));
  },

  /**
   * Runs a batch's writes and advances the counter by `advanceBy` in ONE statement: the
   * mutation-log insert, the row upserts and the counter's `UPDATE … RETURNING seq` are
   * data-modifying CTEs of one SELECT. They all run while this transaction holds the tenant row lock,
   * so every round trip saved shortens how long the household's other writers wait — and each
   * is an event-loop turn, which on a server busy fanning out broadcasts can take milliseconds.
   * Returns the new position (`null` when `advanceBy` is 0) and the log entries that were
   * already logged (see MutationLog.recordStatement).
   */
  async writeAndAdvance(
    manager: EntityManager,
    tenantId: string,
    advanceBy: number,
    statements: { log: Statement | null; writes: readonly Statement[] },
  ): Promise<{ seq: number | null; relogged: LogEntry[] }> {
    const { log, writes } = statements;
    if (advanceBy === 0 && writes.length === 0 && !log) return { seq: null, relogged: [] };
    const parameters = new SqlParameters();
    const parts = writes.map((write, i) => `write_${i} AS (${write(parameters)})`);
    parts.push(
      `logged AS (${log ? log(parameters) : 'SELECT NULL::uuid AS mutation_id, NULL::uuid AS digest, false AS relogged WHERE false'})`,
    );
    let seq = 'NULL::bigint';
    if (advanceBy > 0) {
      parts.push(
        `advanced AS (UPDATE tenants SET seq = seq + ${parameters.add(advanceBy)} WHERE id = ${parameters.add(tenantId)} RETURNING seq)`,
      );
      seq = '(SELECT seq FROM advanced)';
    }
    const sql =
      `WITH ${parts.join(', ')} SELECT ${seq} AS seq, ` +
      `ARRAY(SELECT mutation_id::text FROM logged WHERE relogged ORDER BY mutation_id) AS relogged_ids, ` +
      `ARRAY(SELECT digest::text FROM logged WHERE relogged ORDER BY mutation_id) AS relogged_digests`;
    const [row] = await queryRowsNow<{
      seq: number | null;
      relogged_ids: string[];
      relogged_digests: string[];
    }>(manager, sql, parameters.values);
    return {
      seq: advanceBy > 0 ? row.seq : null,
      relogged: row.relogged_ids.map((mutationId, i) => ({
        mutationId,
        digest: row.relogged_digests[i],
      })),
    };
  },
};

/** The household's feed position, for the tenant id written as `tenant` (a placeholder or a literal). */
function positionSql(tenant: string, locking: '' | ' FOR UPDATE'): string {
  return `SELECT seq, purged_seq FROM tenants WHERE id = ${tenant}${locking}`;
}

/** One part of a composed statement: writes its SQL, adding its values to the shared parameters. */
export type Statement = (parameters: SqlParameters) => string;

/** Positional parameters of one statement composed from several parts. */
export class SqlParameters {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder (`$n`). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
