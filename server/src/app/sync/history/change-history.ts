import { Injectable } from '@nestjs/common';
import type { Hlc, Operation } from '@finwise/sync-protocol';
import { plainArrayLiteral } from '../../database/sql-arrays';
import type { SqlRunner } from '../../database/sql-runner';
import type { RecordedMutation } from './recorded-mutation';

/** Who wrote a batch: the member of the token and, for a socket, the device it named. */
export interface HistoryWriter {
  userId: string | null;
  clientId: string | null;
}

/** A recorded mutation as read back for one row, with its writer and arrival time. */
export interface StoredMutation extends Pick<
  RecordedMutation,
  'hlc' | 'operation' | 'applied' | 'replaced' | 'lost'
> {
  at: Date;
  userId: string | null;
  /** Null when the user is not (any more) a member of the household. */
  email: string | null;
  clientId: string | null;
}

/** Who wrote the mutation with clock `hlc`, and when it arrived. */
export interface ClockOrigin {
  hlc: Hlc;
  clientId: string | null;
  at: Date;
}

// Entries travel as their own JSON (camelCase keys), like the rows of SyncedTable.upsert, and
// their field values are stored as that text (`json`, see the table's migration). The
// arrival time is read once per statement, after the household's lock was granted, so a
// household's batches get increasing times in the order they were merged (now() would be the
// time the transaction began, possibly before an earlier batch committed).
const RECORD =
  'INSERT INTO change_history (tenant_id, model_name, row_id, at, ordinal, hlc, user_id, client_id, operation, applied, replaced, lost) ' +
  'SELECT $1::uuid, e."modelName", e."rowId", (SELECT clock_timestamp()), e.ordinal, e.hlc, $3::uuid, $4::text, e.operation, e.applied, e.replaced, e.lost ' +
  'FROM json_to_recordset($2::json) AS e("modelName" text, "rowId" uuid, ordinal smallint, hlc text, operation text, applied json, replaced json, lost json)';

// Emails of current members only, also where row-level security does not bind (PGlite): a
// former member's entries keep their userId and show no email.
const OF_ROW =
  'SELECT h.at, h.hlc, h.user_id AS "userId", u.email, h.client_id AS "clientId", h.operation, h.applied, h.replaced, h.lost ' +
  'FROM change_history h ' +
  'LEFT JOIN memberships m ON m.tenant_id = h.tenant_id AND m.user_id = h.user_id ' +
  'LEFT JOIN users u ON u.id = m.user_id ' +
  'WHERE h.tenant_id = $1 AND h.model_name = $2 AND h.row_id = $3 ' +
  'ORDER BY h.at DESC, h.ordinal DESC LIMIT $4';

/**
 * The per-household change history (FINANCE §6): every pushed or REST mutation of a synced row,
 * with what each field it carried became. Written by the push path with the batch's rows (see
 * BatchStore.write), so every entity has it without code of its own.
 *
 * It is not also the idempotency log (MutationLog), although both get a row per mutation: the
 * two keep different sets (REST writes have no client id to replay; an insert-only row sent
 * again is logged but changed nothing to tell), FINWISE_HISTORY=off must not switch replay
 * protection off, and the merged table would need the log's key as a second unique index. One
 * insert fewer saved about 14 % of the PostgreSQL CPU of the two writes in a raw measurement,
 * a few percent of a push: not worth coupling them.
 */
@Injectable()
export class ChangeHistory {
  async record(
    sql: SqlRunner,
    tenantId: string,
    writer: HistoryWriter,
    entries: readonly RecordedMutation[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await sql.rows(RECORD, [tenantId, JSON.stringify(entries), writer.userId, writer.clientId]);
  }

  /** A row's recorded mutations, newest first. */
  async ofRow(
    sql: SqlRunner,
    tenantId: string,
    modelName: string,
    rowId: string,
    limit: number,
  ): Promise<StoredMutation[]> {
    return sql.rows<StoredMutation & { operation: Operation }>(OF_ROW, [
      tenantId,
      modelName,
      rowId,
      limit,
    ]);
  }

  /** Who wrote the mutations of a row with these clocks, and when they arrived. */
  async originsOf(
    sql: SqlRunner,
    tenantId: string,
    modelName: string,
    rowId: string,
    hlcs: readonly Hlc[],
  ): Promise<ClockOrigin[]> {
    if (hlcs.length === 0) return [];
    return sql.rows<ClockOrigin>(
      'SELECT hlc, client_id AS "clientId", at FROM change_history ' +
        'WHERE tenant_id = $1 AND model_name = $2 AND row_id = $3 AND hlc = ANY($4::text[])',
      [tenantId, modelName, rowId, [...new Set(hlcs)]],
    );
  }

  /** Forgets what arrived before `cutoff` (the tombstone retention). */
  async purgeOlderThan(sql: SqlRunner, tenantId: string, cutoff: Date): Promise<void> {
    await sql.rows('DELETE FROM change_history WHERE tenant_id = $1 AND at < $2', [
      tenantId,
      cutoff,
    ]);
  }

  /** Forgets rows whose tombstones were purged: nothing can ask for them any more. */
  async purgeRows(
    sql: SqlRunner,
    tenantId: string,
    modelName: string,
    rowIds: readonly string[],
  ): Promise<void> {
    if (rowIds.length === 0) return;
    await sql.rows(
      'DELETE FROM change_history WHERE tenant_id = $1 AND model_name = $2 AND row_id = ANY($3::uuid[])',
      [tenantId, modelName, plainArrayLiteral(rowIds)],
    );
  }
}
