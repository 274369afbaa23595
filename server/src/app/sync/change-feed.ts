import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';

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
  async lock(manager: EntityManager, tenantId: string): Promise<FeedPosition | null> {
    const rows = await queryRows<{ seq: number; purged_seq: number }>(
      manager,
      'SELECT seq, purged_seq FROM tenants WHERE id = $1 FOR UPDATE',
      [tenantId],
    );
    return rows[0] ? { seq: rows[0].seq, purgedSeq: rows[0].purged_seq } : null;
  },

  async read(manager: EntityManager, tenantId: string): Promise<FeedPosition | null> {
    const rows = await queryRows<{ seq: number; purged_seq: number }>(
      manager,
      'SELECT seq, purged_seq FROM tenants WHERE id = $1',
      [tenantId],
    );
    return rows[0] ? { seq: rows[0].seq, purgedSeq: rows[0].purged_seq } : null;
  },

  /**
   * Runs a batch's writes and advances the counter by `advanceBy` in ONE statement: the
   * writes (mutation-log entries, row upserts) become data-modifying CTEs of the counter's
   * `UPDATE … RETURNING seq`. They all run while this transaction holds the tenant row lock,
   * so every round trip saved shortens how long the household's other writers wait — and each
   * is an event-loop turn, which on a server busy fanning out broadcasts can take milliseconds.
   * Returns the new position (`null` when `advanceBy` is 0: only the writes run).
   */
  async writeAndAdvance(
    manager: EntityManager,
    tenantId: string,
    advanceBy: number,
    writes: readonly ((parameters: SqlParameters) => string)[],
  ): Promise<number | null> {
    const parameters = new SqlParameters();
    const parts = writes.map((write) => write(parameters));
    let main: string | undefined;
    if (advanceBy > 0) {
      main = `UPDATE tenants SET seq = seq + ${parameters.add(advanceBy)} WHERE id = ${parameters.add(tenantId)} RETURNING seq`;
    } else {
      main = parts.pop();
      if (main === undefined) return null;
    }
    const sql = parts.length > 0 ? `WITH ${parts.map((part, i) => `write_${i} AS (${part})`).join(', ')} ${main}` : main;
    const rows = await queryRows<{ seq: number }>(manager, sql, parameters.values);
    return advanceBy > 0 ? rows[0].seq : null;
  },
};

/** Positional parameters of one statement composed from several parts. */
export class SqlParameters {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder (`$n`). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
