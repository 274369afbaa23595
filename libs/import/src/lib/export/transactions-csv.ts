import { currencyExponent } from '@finwise/domain';
import {
  effectiveRows,
  indexLiveAccounts,
  isLive,
  payeeResolver,
  rowSides,
  type LedgerAccount,
  type LedgerTransaction,
  type PayeeRow,
  type RowSide,
} from '@finwise/finance';
import { csvRecord } from './csv-record';
import { minorToDecimal } from './minor-to-decimal';

/** The header of every transactions export (FINANCE §5), in this order. */
export const TRANSACTIONS_CSV_COLUMNS = [
  'id',
  'date',
  'account',
  'account_currency',
  'payee',
  'transfer_account',
  'category_group',
  'category',
  'notes',
  'amount',
  'amount_minor',
  'currency',
  'status',
  'parent_id',
  'imported_id',
] as const;

export interface ExportTransaction extends LedgerTransaction {
  readonly payeeId?: string | null;
  readonly notes?: string | null;
  readonly importedId?: string | null;
  readonly transferImportedId?: string | null;
}

export interface ExportAccount extends LedgerAccount {
  readonly name: string | null;
}

export interface ExportCategory {
  readonly id: string;
  readonly name: string | null;
  readonly groupName: string | null;
  readonly deletedAt?: string | null;
}

export interface TransactionsCsvInput {
  /** The household's rows; tombstones and dead split lines are left out. */
  readonly transactions: readonly ExportTransaction[];
  readonly accounts: readonly ExportAccount[];
  readonly categories: readonly ExportCategory[];
  /** Every payee, merged-away ones included, so merges resolve to the surviving name. */
  readonly payees: readonly PayeeRow[];
  /** Only this account's lines; absent = every live account. */
  readonly accountId?: string;
  /** `YYYY-MM-DD`, inclusive, on the line's effective date. */
  readonly from?: string;
  readonly to?: string;
  /** Starts the file with a UTF-8 byte order mark, which some spreadsheets need to read UTF-8. */
  readonly byteOrderMark?: boolean;
}

const CRLF = '\r\n';

interface Line {
  readonly side: RowSide<ExportTransaction>;
  readonly fields: readonly string[];
  readonly accountName: string;
}

/**
 * The transactions of a household as RFC 4180 CSV (FINANCE §5): one line per account a row
 * touches, so the lines of an account with an empty `parent_id` sum to its balance. Split lines
 * follow their parent; lines are ordered by account name, date and id, compared by code unit so
 * every device writes the same file. Cells are written as stored: a guard against spreadsheet
 * formulas (a leading `'`) would change payees and notes when the file is imported back.
 */
export function transactionsCsv(input: TransactionsCsvInput): string {
  const accounts = indexLiveAccounts(input.accounts);
  const categories = new Map(input.categories.filter(isLive).map((c) => [c.id, c]));
  const payees = new Map(input.payees.map((p) => [p.id, p]));
  const resolvePayee = payeeResolver(input.payees);
  const accountName = (id: string | null): string =>
    (id !== null ? accounts.get(id)?.name : undefined) ?? '';

  const topLevel: Line[] = [];
  const childrenOf = new Map<string, Line[]>();
  for (const entry of effectiveRows(input.transactions)) {
    if (input.from !== undefined && entry.date < input.from) continue;
    if (input.to !== undefined && entry.date > input.to) continue;
    for (const side of rowSides(entry, accounts)) {
      if (input.accountId !== undefined && side.accountId !== input.accountId) continue;
      const row = entry.row;
      const account = accounts.get(side.accountId) as ExportAccount;
      const currency = account.currency ?? '';
      const own = side.side === 'own';
      const payee = row.payeeId ? payees.get(resolvePayee(row.payeeId)) : undefined;
      // A split parent's own category is ignored by the ledger (FINANCE §2).
      const category =
        entry.kind === 'split-parent' || !row.categoryId
          ? undefined
          : categories.get(row.categoryId);
      // A split line's transfer leg lands alone in the other account, where it adds to the
      // balance: there it is a top-level line.
      const parentId = own ? entry.parentId : null;
      const line: Line = {
        side,
        accountName: account.name ?? '',
        fields: [
          row.id,
          entry.date,
          account.name ?? '',
          currency,
          payee?.name ?? '',
          own ? accountName(entry.transferAccountId) : accountName(entry.accountId),
          category?.groupName ?? '',
          category?.name ?? '',
          row.notes ?? '',
          minorToDecimal(side.amountMinor, currencyExponent(currency)),
          String(side.amountMinor),
          currency,
          side.reconciled ? 'reconciled' : side.cleared ? 'cleared' : 'uncleared',
          parentId ?? '',
          (own ? row.importedId : row.transferImportedId) ?? '',
        ],
      };
      if (parentId === null) topLevel.push(line);
      else childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), line]);
    }
  }

  topLevel.sort(compareLines);
  const records = [csvRecord(TRANSACTIONS_CSV_COLUMNS)];
  for (const line of topLevel) {
    records.push(csvRecord(line.fields));
    if (line.side.side !== 'own' || line.side.entry.kind !== 'split-parent') continue;
    const children = [...(childrenOf.get(line.side.entry.row.id) ?? [])].sort(compareLines);
    for (const child of children) records.push(csvRecord(child.fields));
  }
  const text = records.map((record) => record + CRLF).join('');
  return input.byteOrderMark ? `\uFEFF${text}` : text;
}

function compareLines(a: Line, b: Line): number {
  return (
    compareText(a.accountName, b.accountName) ||
    compareText(a.side.accountId, b.side.accountId) ||
    compareText(a.side.entry.date, b.side.entry.date) ||
    compareText(a.side.entry.row.id, b.side.entry.row.id)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
