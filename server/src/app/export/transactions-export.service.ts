import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { ErrorCodes, type AnyRecord } from '@finwise/sync-protocol';
import {
  exportFileName,
  transactionsCsv,
  type ExportAccount,
  type ExportCategory,
  type ExportTransaction,
} from '@finwise/import';
import type { PayeeRow } from '@finwise/finance';
import { DatabaseService } from '../database/database.service';
import { sqlOf } from '../database/sql-runner';
import { readRowsOfAccount } from '../finance/reconcile/reconcile-rows.query';
import { SyncedEntityRegistry } from '../sync/tables/synced-entity-registry';
import { readLiveRows } from './live-rows.query';

export interface TransactionsExportQuery {
  accountId?: string;
  from?: string;
  to?: string;
}

export interface TransactionsExport {
  csv: string;
  /** Suggested file name, e.g. `finwise-checking-2026-12-07.csv`. */
  fileName: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The CSV export of FINANCE §5, written by the same `transactionsCsv` the app runs on its local
 * rows. One account reads only the rows that touch it (with their split relatives); the whole
 * household reads every live row.
 */
@Injectable()
export class TransactionsExportService {
  constructor(
    private readonly database: DatabaseService,
    private readonly registry: SyncedEntityRegistry,
  ) {}

  async export(tenantId: string, query: TransactionsExportQuery): Promise<TransactionsExport> {
    const { accountId, from, to } = checkQuery(query);
    const table = (modelName: string) => this.registry.get(modelName);
    const rows = await this.database.inTenantTransaction(
      tenantId,
      async (manager) => {
        const sql = sqlOf(manager);
        const households = await sql.rows('SELECT 1 FROM tenants WHERE id = $1', [tenantId]);
        if (households.length === 0) {
          throw new ForbiddenException({
            message: 'unknown household',
            details: { code: ErrorCodes.forbidden },
          });
        }
        const [ledger, categories, payees] = await Promise.all([
          accountId
            ? readRowsOfAccount(sql, tenantId, accountId, {
                transactions: table('transactions'),
                accounts: table('accounts'),
              })
            : Promise.all([
                readLiveRows(sql, tenantId, table('transactions')),
                readLiveRows(sql, tenantId, table('accounts')),
              ]).then(([transactions, accounts]) => ({ transactions, accounts })),
          readLiveRows(sql, tenantId, table('categories')),
          readLiveRows(sql, tenantId, table('payees')),
        ]);
        return { ...ledger, categories, payees };
      },
      { isolation: 'REPEATABLE READ' },
    );
    const account = accountId ? rows.accounts.find((a) => a.id === accountId) : undefined;
    // Another household's account is as unknown here as one that never existed.
    if (accountId && !account) {
      throw new NotFoundException(`account ${accountId} not found`);
    }
    // The records are the entities' rows, checked against their schemas when written.
    const csv = transactionsCsv({
      transactions: rows.transactions as unknown as ExportTransaction[],
      accounts: rows.accounts as unknown as ExportAccount[],
      categories: rows.categories as unknown as ExportCategory[],
      payees: rows.payees as unknown as PayeeRow[],
      accountId,
      from,
      to,
    });
    return { csv, fileName: fileNameFor(account) };
  }
}

function checkQuery(query: TransactionsExportQuery): TransactionsExportQuery {
  const issues: { path: string; message: string }[] = [];
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : undefined;
  const accountId = text(query.accountId);
  const from = text(query.from);
  const to = text(query.to);
  if (query.accountId !== undefined && typeof query.accountId !== 'string') {
    issues.push({ path: 'accountId', message: 'must be given once' });
  } else if (accountId !== undefined && !UUID.test(accountId)) {
    issues.push({ path: 'accountId', message: 'must be a UUID' });
  }
  for (const [path, value] of [
    ['from', query.from],
    ['to', query.to],
  ] as const) {
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      issues.push({ path, message: 'must be a date YYYY-MM-DD' });
    }
  }
  if (issues.length === 0 && from && to && from > to) {
    issues.push({ path: 'from', message: `must not be after to (${to})` });
  }
  if (issues.length > 0) {
    throw new BadRequestException({
      message: issues.map((i) => `${i.path} ${i.message}`).join('; '),
      details: { code: ErrorCodes.validation, issues },
    });
  }
  return { accountId: accountId?.toLowerCase(), from, to };
}

/** `YYYY-MM-DD` naming a day that exists (no 2026-02-30). */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function fileNameFor(account: AnyRecord | undefined): string {
  const today = new Date().toISOString().slice(0, 10);
  if (!account) return exportFileName(undefined, today);
  return exportFileName(typeof account['name'] === 'string' ? account['name'] : null, today);
}
