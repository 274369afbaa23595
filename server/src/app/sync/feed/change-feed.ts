import { Injectable } from '@nestjs/common';
import type { SqlRunner } from '../../database/sql-runner';

export interface FeedPosition {
  /** The household's last feed position. */
  seq: number;
  /** The highest position whose tombstone was purged: older cursors must reload. */
  purgedSeq: number;
}

const POSITION = 'SELECT seq, purged_seq FROM tenants WHERE id = $1';

/**
 * The per-household change counter (`tenants.seq`). A writer locks the household's row first,
 * merges, then advances the counter by the number of rows it changed and stamps them with the
 * new positions, all in one transaction: positions are gap-free and in commit order per
 * household, so a cursor can never skip a row.
 */
@Injectable()
export class ChangeFeed {
  /** Locks the household's feed for the rest of the transaction; null when it does not exist. */
  async lock(sql: SqlRunner, tenantId: string): Promise<FeedPosition | null> {
    return positionOf(await sql.rows(`${POSITION} FOR UPDATE`, [tenantId]));
  }

  async read(sql: SqlRunner, tenantId: string): Promise<FeedPosition | null> {
    return positionOf(await sql.rows(POSITION, [tenantId]));
  }

  /** Moves the feed on by `count` changed rows (under the lock) and returns the new position. */
  async advance(sql: SqlRunner, tenantId: string, count: number): Promise<number> {
    const [row] = await sql.rows<{ seq: number }>(
      'UPDATE tenants SET seq = seq + $2 WHERE id = $1 RETURNING seq',
      [tenantId, count],
    );
    return row.seq;
  }

  /** Records that tombstones up to `seq` are gone (see FeedPosition.purgedSeq). */
  async markPurged(sql: SqlRunner, tenantId: string, seq: number): Promise<void> {
    await sql.rows('UPDATE tenants SET purged_seq = GREATEST(purged_seq, $2) WHERE id = $1', [
      tenantId,
      seq,
    ]);
  }
}

function positionOf(rows: readonly Record<string, unknown>[]): FeedPosition | null {
  const row = rows[0] as { seq: number; purged_seq: number } | undefined;
  return row ? { seq: row.seq, purgedSeq: row.purged_seq } : null;
}
