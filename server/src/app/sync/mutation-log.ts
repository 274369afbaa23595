import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
import type { SqlParameters } from './change-feed';
import type { AcceptedMutation } from './mutation-envelope';

/** Digest of everything that defines a mutation's effect. */
export function mutationDigest(m: AcceptedMutation): string {
  return createHash('sha256')
    .update(JSON.stringify([m.table.modelName, m.operation, m.hlc, m.data]))
    .digest('base64url');
}

/**
 * The per-household record of processed mutation ids. Merging by HLC already makes a resent
 * mutation harmless; the log additionally refuses an id reused for different content.
 */
export const MutationLog = {
  async digestsOf(manager: EntityManager, tenantId: string, mutationIds: readonly string[]): Promise<Map<string, string>> {
    if (mutationIds.length === 0) return new Map();
    // Per-id primary-key probes, not `= ANY($2)`: see SyncedTable.findByIds (the same planner
    // trap would scan the household's whole log for every push batch).
    const rows = await queryRows<{ mutation_id: string; digest: string }>(
      manager,
      'SELECT logged.mutation_id, logged.digest FROM unnest($2::uuid[]) AS wanted(wanted_id) CROSS JOIN LATERAL ' +
        '(SELECT mutation_id, digest FROM mutation_log WHERE tenant_id = (SELECT $1::uuid) AND mutation_id = wanted.wanted_id LIMIT 1) AS logged',
      [tenantId, [...new Set(mutationIds)]],
    );
    return new Map(rows.map((row) => [row.mutation_id, row.digest]));
  },

  /** The INSERT of new log entries, for ChangeFeed.writeAndAdvance; null when there are none. */
  recordStatement(tenantId: string, entries: readonly { mutationId: string; digest: string }[]): ((parameters: SqlParameters) => string) | null {
    if (entries.length === 0) return null;
    return (parameters) =>
      `INSERT INTO mutation_log (tenant_id, mutation_id, digest) SELECT ${parameters.add(tenantId)}::uuid, * ` +
      `FROM unnest(${parameters.add(entries.map((e) => e.mutationId))}::uuid[], ${parameters.add(entries.map((e) => e.digest))}::text[]) ON CONFLICT DO NOTHING`;
  },

  async purgeOlderThan(manager: EntityManager, tenantId: string, cutoff: Date): Promise<void> {
    await manager.query('DELETE FROM mutation_log WHERE tenant_id = $1 AND created_at < $2', [tenantId, cutoff]);
  },
};
