import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import { ErrorCodes } from '@finwise/sync-protocol';
import type { SqlRunner } from '../database/sql-runner';
import {
  DecidedBatchRefused,
  PushService,
  TenantNotFoundError,
  type WriteOrigin,
} from '../sync/push/push.service';
import type { AcceptedMutation } from '../sync/push/mutation-check';
import { serverMutation } from '../sync/push/server-mutation';
import { SyncedEntityRegistry } from '../sync/tables/synced-entity-registry';
import { BackupRejected, readBackupDocument, type BackupRow } from './backup-document';
import { readLiveRows } from './live-rows.query';

/** What a household must not hold for a restore: anything the user made after sign-up. */
export const RESTORE_REQUIRES_EMPTY = [
  'accounts',
  'transactions',
  'budgets',
  'budget_moves',
  'reconciliations',
] as const;

export interface RestoreAnswer {
  /** modelName → rows written from the backup. */
  restored: Record<string, number>;
}

type Decision =
  | { status: 'restored'; restored: Record<string, number> }
  | { status: 'not_empty'; holding: string[] };

/**
 * Restores a backup into a household that holds nothing but what sign-up made (FINANCE §5). The
 * whole document is checked first; then, under the household's lock, the emptiness check and
 * every write happen in one transaction through the normal merge, so the household's devices
 * receive the restored rows live and a failure leaves nothing behind. Rows of the other
 * entities that the backup does not hold (sign-up's categories) are tombstoned where the entity
 * allows it; rows that are never deleted (settings, payees) are overwritten by the backup's.
 */
@Injectable()
export class HouseholdRestoreService {
  constructor(
    private readonly pushes: PushService,
    private readonly registry: SyncedEntityRegistry,
  ) {}

  async restore(tenantId: string, body: unknown, origin: WriteOrigin): Promise<RestoreAnswer> {
    let rows: Map<string, BackupRow[]>;
    try {
      rows = readBackupDocument(body);
    } catch (error) {
      if (error instanceof BackupRejected) {
        throw new BadRequestException({ message: error.message, details: error.details });
      }
      throw error;
    }

    let decision: Decision;
    const written = new Map<string, { entity: string; id: string }>();
    try {
      decision = (
        await this.pushes.applyDecided(
          tenantId,
          async (sql) => {
            const decided = await this.decide(sql, tenantId, rows);
            for (const m of decided.mutations) {
              written.set(m.mutationId, { entity: m.table.modelName, id: m.data.id });
            }
            return decided;
          },
          origin,
        )
      ).result;
    } catch (error) {
      if (error instanceof TenantNotFoundError) {
        throw new ForbiddenException({
          message: 'unknown household',
          details: { code: ErrorCodes.forbidden },
        });
      }
      // A row the merge refuses (a rule that reads another row): the transaction rolled back.
      if (error instanceof DecidedBatchRefused) {
        const row = written.get(error.refusal.mutationId);
        throw new BadRequestException({
          message: row
            ? `${row.entity} row ${row.id}: ${error.message}`
            : `the backup cannot be restored: ${error.message}`,
          details: { code: ErrorCodes.validation, ...row },
        });
      }
      throw error;
    }
    if (decision.status === 'not_empty') {
      throw new ConflictException({
        message:
          'a backup restores only into an empty household: this one already has ' +
          decision.holding.join(', '),
        details: { holding: decision.holding },
      });
    }
    return { restored: decision.restored };
  }

  private async decide(
    sql: SqlRunner,
    tenantId: string,
    rows: ReadonlyMap<string, BackupRow[]>,
  ): Promise<{ mutations: AcceptedMutation[]; result: Decision }> {
    const holding: string[] = [];
    for (const modelName of RESTORE_REQUIRES_EMPTY) {
      const [found] = await sql.rows(
        `SELECT 1 FROM ${quote(this.registry.get(modelName).tableName)} ` +
          'WHERE tenant_id = $1 AND deleted_at IS NULL LIMIT 1',
        [tenantId],
      );
      if (found) holding.push(modelName);
    }
    if (holding.length > 0) return { mutations: [], result: { status: 'not_empty', holding } };

    const deletes: AcceptedMutation[] = [];
    const creates: AcceptedMutation[] = [];
    const restored: Record<string, number> = {};
    for (const table of this.registry.all()) {
      const incoming = rows.get(table.modelName) ?? [];
      restored[table.modelName] = incoming.length;
      if (table.definition.deletable) {
        const kept = new Set(incoming.map((row) => row.id));
        for (const existing of await readLiveRows(sql, tenantId, table)) {
          if (kept.has(existing.id)) continue;
          deletes.push(
            serverMutation(this.registry, {
              modelName: table.modelName,
              operation: 'delete',
              data: { id: existing.id },
            }),
          );
        }
      }
      // Split parents before their lines, so every rule that reads a parent finds it.
      const ordered = [...incoming].sort(
        (a, b) => Number(a['parentId'] != null) - Number(b['parentId'] != null),
      );
      for (const row of ordered) {
        creates.push(
          serverMutation(this.registry, {
            modelName: table.modelName,
            operation: 'create',
            data: row,
          }),
        );
      }
    }
    return { mutations: [...deletes, ...creates], result: { status: 'restored', restored } };
  }
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
