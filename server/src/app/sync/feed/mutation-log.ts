import { Injectable } from '@nestjs/common';
import { plainArrayLiteral } from '../../database/sql-arrays';
import type { SqlRunner } from '../../database/sql-runner';

/** A processed mutation: its id (lowercase) and the digest of its content. */
export interface LogEntry {
  mutationId: string;
  digest: string;
}

/**
 * The per-household record of processed mutation ids. Merging by HLC already makes a resent
 * mutation harmless; the log additionally refuses an id reused for different content.
 */
@Injectable()
export class MutationLog {
  /** The digests logged for these ids, by id (ids never seen are absent). */
  async digestsOf(
    sql: SqlRunner,
    tenantId: string,
    mutationIds: readonly string[],
  ): Promise<Map<string, string>> {
    if (mutationIds.length === 0) return new Map();
    // Per-id primary-key probes, not `= ANY($2)`: see SyncedTable.findByIds (the same planner
    // trap would scan the household's whole log for every push batch).
    const rows = await sql.rows<LogEntry>(
      'SELECT logged.mutation_id AS "mutationId", logged.digest FROM unnest($2::uuid[]) AS wanted(wanted_id) ' +
        'CROSS JOIN LATERAL (SELECT mutation_id, digest::text FROM mutation_log ' +
        'WHERE tenant_id = (SELECT $1::uuid) AND mutation_id = wanted.wanted_id LIMIT 1) AS logged',
      [tenantId, plainArrayLiteral([...new Set(mutationIds)])],
    );
    return new Map(rows.map((row) => [row.mutationId, row.digest]));
  }

  /** Logs new entries (ids not logged before: the caller read the log under the household lock). */
  async record(sql: SqlRunner, tenantId: string, entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await sql.rows(
      'INSERT INTO mutation_log (tenant_id, mutation_id, digest) ' +
        'SELECT $1::uuid, * FROM unnest($2::uuid[], $3::uuid[])',
      [
        tenantId,
        plainArrayLiteral(entries.map((entry) => entry.mutationId)),
        plainArrayLiteral(entries.map((entry) => entry.digest)),
      ],
    );
  }

  async purgeOlderThan(sql: SqlRunner, tenantId: string, cutoff: Date): Promise<void> {
    await sql.rows('DELETE FROM mutation_log WHERE tenant_id = $1 AND created_at < $2', [
      tenantId,
      cutoff,
    ]);
  }
}
