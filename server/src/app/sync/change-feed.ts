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

  /** Advances the counter by `count` and returns the new position. */
  async advance(manager: EntityManager, tenantId: string, count: number): Promise<number> {
    const rows = await queryRows<{ seq: number }>(
      manager,
      'UPDATE tenants SET seq = seq + $2 WHERE id = $1 RETURNING seq',
      [tenantId, count],
    );
    return rows[0].seq;
  },
};
