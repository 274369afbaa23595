import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
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
    const rows = await queryRows<{ mutation_id: string; digest: string }>(
      manager,
      'SELECT mutation_id, digest FROM mutation_log WHERE tenant_id = $1 AND mutation_id = ANY($2::uuid[])',
      [tenantId, mutationIds],
    );
    return new Map(rows.map((row) => [row.mutation_id, row.digest]));
  },

  async record(manager: EntityManager, tenantId: string, entries: readonly { mutationId: string; digest: string }[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      'INSERT INTO mutation_log (tenant_id, mutation_id, digest) SELECT $1::uuid, * FROM unnest($2::uuid[], $3::text[]) ON CONFLICT DO NOTHING',
      [tenantId, entries.map((e) => e.mutationId), entries.map((e) => e.digest)],
    );
  },

  async purgeOlderThan(manager: EntityManager, tenantId: string, cutoff: Date): Promise<void> {
    await manager.query('DELETE FROM mutation_log WHERE tenant_id = $1 AND created_at < $2', [tenantId, cutoff]);
  },
};
