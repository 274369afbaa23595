import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import {
  ImportFileError,
  importContextScope,
  planImport,
  readStatement,
  type ImportContext,
  type ImportPlan,
  type ParsedStatement,
  type PreviewRow,
  type PreviewSummary,
} from '@finwise/import';
import { ErrorCodes, type AnyRecord } from '@finwise/sync-protocol';
import { DatabaseService } from '../../database/database.service';
import { sqlOf, type SqlRunner } from '../../database/sql-runner';
import {
  DecidedBatchRefused,
  PushService,
  TenantNotFoundError,
  type WriteOrigin,
} from '../../sync/push/push.service';
import { serverMutation } from '../../sync/push/server-mutation';
import { SyncedEntityRegistry } from '../../sync/tables/synced-entity-registry';
import { validation, type ImportRequest } from './import-request';
import { readImportRows } from './import-rows.query';

export interface ImportPreviewAnswer {
  format: ParsedStatement['format'];
  encoding: string;
  columns?: readonly string[];
  needsMapping?: boolean;
  ambiguities?: ParsedStatement['ambiguities'];
  rows: readonly PreviewRow[];
  summary: PreviewSummary;
}

export interface ImportAnswer {
  created: number;
  updated: number;
  duplicate: number;
  locked: number;
  error: number;
  ids: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bank-file import (FINANCE §5) with the same library the app runs offline: the file is read
 * before any lock is taken, then compared with the account's rows and, for an import, merged
 * in one batch under the household's lock, so other devices receive the rows like any change.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly database: DatabaseService,
    private readonly pushes: PushService,
    private readonly registry: SyncedEntityRegistry,
  ) {}

  async preview(
    tenantId: string,
    accountId: string,
    request: ImportRequest,
  ): Promise<ImportPreviewAnswer> {
    const id = checkedAccountId(accountId);
    const currency = await this.database.inTenantTransaction(tenantId, (manager) =>
      this.accountCurrency(sqlOf(manager), tenantId, id),
    );
    const statement = read(request, currency);
    const plan = await this.database.inTenantTransaction(
      tenantId,
      async (manager) => {
        const sql = sqlOf(manager);
        // Read again in this snapshot: the account may have been deleted since.
        await this.accountCurrency(sql, tenantId, id);
        return this.plan(sql, tenantId, id, currency, statement, request);
      },
      { isolation: 'REPEATABLE READ' },
    );
    return {
      format: statement.format,
      encoding: statement.encoding,
      ...(statement.columns ? { columns: statement.columns } : {}),
      ...(statement.needsMapping ? { needsMapping: true } : {}),
      ...(statement.ambiguities ? { ambiguities: statement.ambiguities } : {}),
      rows: plan.rows,
      summary: plan.summary,
    };
  }

  async import(
    tenantId: string,
    accountId: string,
    request: ImportRequest,
    origin: WriteOrigin,
  ): Promise<ImportAnswer> {
    const id = checkedAccountId(accountId);
    const currency = await this.database.inTenantTransaction(tenantId, (manager) =>
      this.accountCurrency(sqlOf(manager), tenantId, id),
    );
    const statement = read(request, currency);
    if (statement.needsMapping) {
      throw validation(
        'the file has no column recognised as the date or the amount: map them in options.columns',
        { columns: statement.columns ?? [] },
      );
    }
    let plan: ImportPlan;
    try {
      ({ result: plan } = await this.pushes.applyDecided(
        tenantId,
        async (sql) => {
          await this.accountCurrency(sql, tenantId, id);
          const decided = await this.plan(sql, tenantId, id, currency, statement, request);
          // All or nothing: one unreadable line not left out stops the whole import.
          if (decided.blockingLines.length > 0) return { mutations: [], result: decided };
          const payees = await this.registry.get('payees').findByIds(
            sql,
            tenantId,
            decided.payeeSeeds.map((seed) => seed.id),
          );
          const seeds = decided.payeeSeeds
            .filter((seed) => !payees.has(seed.id))
            .map((seed) => ({
              modelName: 'payees',
              operation: 'create' as const,
              data: { id: seed.id, name: seed.name, favorite: false },
            }));
          return {
            mutations: [...seeds, ...decided.mutations].map((write) =>
              serverMutation(this.registry, write),
            ),
            result: decided,
          };
        },
        origin,
      ));
    } catch (error) {
      if (error instanceof TenantNotFoundError) throw forbidden();
      if (error instanceof DecidedBatchRefused) throw new ConflictException(error.message);
      throw error;
    }
    if (plan.blockingLines.length > 0) {
      const lines = plan.blockingLines;
      const first = plan.rows.find((row) => row.line === lines[0]);
      throw validation(
        `${lines.length === 1 ? 'line' : 'lines'} ${lines.slice(0, 20).join(', ')}` +
          `${lines.length > 20 ? ' …' : ''} cannot be imported` +
          `${first?.error ? ` (line ${first.line}: ${first.error})` : ''}; ` +
          'fix the file or options, or leave them out with options.excludeLines',
        { lines },
      );
    }
    // Excluded lines are left out of every count but `error` (FINANCE §5).
    return {
      created: plan.created,
      updated: plan.updated,
      duplicate: plan.summary.duplicate,
      locked: plan.summary.locked,
      error: plan.summary.error,
      ids: plan.ids,
    };
  }

  private async plan(
    sql: SqlRunner,
    tenantId: string,
    accountId: string,
    currency: string,
    statement: ParsedStatement,
    request: ImportRequest,
  ): Promise<ImportPlan> {
    const rows = await readImportRows(
      sql,
      tenantId,
      accountId,
      importContextScope(accountId, statement.lines),
      this.registry,
    );
    // The records are the entities' rows, checked against their schemas when written.
    const context = {
      accountId,
      currency,
      transactions: rows.transactions,
      payees: rows.payees,
      categories: rows.categories,
      accounts: rows.accounts,
    } as unknown as ImportContext;
    const { options } = request;
    return planImport(statement, context, {
      excludeLines: options.excludeLines ?? [],
      forceNewLines: options.forceNewLines ?? [],
      fuzzyMatch: options.fuzzyMatch,
      reimportDeleted: options.reimportDeleted,
    });
  }

  private async accountCurrency(sql: SqlRunner, tenantId: string, id: string): Promise<string> {
    const [household] = await sql.rows('SELECT 1 FROM tenants WHERE id = $1', [tenantId]);
    if (!household) throw forbidden();
    const account: AnyRecord | undefined = (
      await this.registry.get('accounts').findByIds(sql, tenantId, [id])
    ).get(id);
    if (!account || account['deletedAt'] !== null) throw accountNotFound(id);
    return String(account['currency'] ?? 'EUR');
  }
}

function read(request: ImportRequest, currency: string): ParsedStatement {
  try {
    return readStatement(request.bytes, request.fileName, request.options, currency);
  } catch (error) {
    if (error instanceof ImportFileError) {
      throw validation(error.message, error.line === undefined ? {} : { line: error.line });
    }
    throw error;
  }
}

function checkedAccountId(accountId: string): string {
  if (!UUID.test(accountId)) throw accountNotFound(accountId);
  return accountId.toLowerCase();
}

function accountNotFound(id: string): NotFoundException {
  return new NotFoundException(`account ${id.slice(0, 100)} not found`);
}

function forbidden(): ForbiddenException {
  return new ForbiddenException({
    message: 'unknown household',
    details: { code: ErrorCodes.forbidden },
  });
}
