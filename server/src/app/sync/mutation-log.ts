import { hash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
import type { Statement } from './change-feed';
import { plainArrayLiteral } from './sql-arrays';
import type { AcceptedMutation } from './mutation-envelope';

/**
 * Digest of everything that defines a mutation's effect: the first 16 bytes of its SHA-256,
 * written as a UUID (the column's type, half the size of the text it replaced).
 */
export function mutationDigest(m: AcceptedMutation): string {
  const hex = hash(
    'sha256',
    JSON.stringify([m.table.modelName, m.operation, m.hlc, m.data]),
    'hex',
  );
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface LogEntry {
  mutationId: string;
  digest: string;
}

/**
 * The per-household record of processed mutation ids. Merging by HLC already makes a resent
 * mutation harmless; the log additionally refuses an id reused for different content.
 */
export const MutationLog = {
  async digestsOf(
    manager: EntityManager,
    tenantId: string,
    mutationIds: readonly string[],
  ): Promise<Map<string, string>> {
    if (mutationIds.length === 0) return new Map();
    // Per-id primary-key probes, not `= ANY($2)`: see SyncedTable.findByIds (the same planner
    // trap would scan the household's whole log for every push batch).
    const rows = await queryRows<{ mutation_id: string; digest: string }>(
      manager,
      'SELECT logged.mutation_id, logged.digest FROM unnest($2::uuid[]) AS wanted(wanted_id) CROSS JOIN LATERAL ' +
        '(SELECT mutation_id, digest::text FROM mutation_log WHERE tenant_id = (SELECT $1::uuid) AND mutation_id = wanted.wanted_id LIMIT 1) AS logged',
      [tenantId, plainArrayLiteral([...new Set(mutationIds)])],
    );
    return new Map(rows.map((row) => [row.mutation_id, row.digest]));
  },

  /**
   * The INSERT of new log entries, for ChangeFeed.writeAndAdvance; null when there are none.
   * Returns `mutation_id, digest, relogged` per entry; `relogged` marks ids logged before, with
   * their logged digest: a batch merged without reading the log first checks them afterwards
   * (see MergeService). The no-op update is what makes such a row come back, and `xmax` tells
   * it apart from a fresh insert (0 only for a row this statement created). Ids must be distinct.
   */
  recordStatement(tenantId: string, entries: readonly LogEntry[]): Statement | null {
    if (entries.length === 0) return null;
    return (parameters) =>
      `INSERT INTO mutation_log (tenant_id, mutation_id, digest) SELECT ${parameters.add(tenantId)}::uuid, * ` +
      `FROM unnest(${parameters.add(plainArrayLiteral(entries.map((e) => e.mutationId)))}::uuid[], ${parameters.add(plainArrayLiteral(entries.map((e) => e.digest)))}::uuid[]) ` +
      `ON CONFLICT (tenant_id, mutation_id) DO UPDATE SET digest = mutation_log.digest ` +
      `RETURNING mutation_id, digest, xmax::text <> '0' AS relogged`;
  },

  async purgeOlderThan(manager: EntityManager, tenantId: string, cutoff: Date): Promise<void> {
    await manager.query('DELETE FROM mutation_log WHERE tenant_id = $1 AND created_at < $2', [
      tenantId,
      cutoff,
    ]);
  },
};
