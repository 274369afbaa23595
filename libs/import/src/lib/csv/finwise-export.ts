import { TRANSACTIONS_CSV_COLUMNS } from '../export/transactions-csv';
import { parseDate } from '../dates/parse-date';
import type { ReaderContext, StatementBody } from '../model/reader';
import { ImportFileError, type StatementLine, type StatementSplit } from '../model/statement';
import type { CsvRecord } from './parse-records';

type Column = (typeof TRANSACTIONS_CSV_COLUMNS)[number];

/** A header naming every column of our own transactions export, in any order. */
export function isFinwiseExport(names: readonly string[]): boolean {
  const present = new Set(names.map((name) => name.trim().toLowerCase()));
  return TRANSACTIONS_CSV_COLUMNS.every((column) => present.has(column));
}

/**
 * Our own export read back (FINANCE §5: "this file imports back without options"). Generic
 * column mapping would lose what the file carries and double-count splits (a parent and its
 * lines are all rows of the file), so it is read column by column: the exact `amount_minor`,
 * categories, transfers, the cleared status and split lines folded into their parent. The
 * bank id is the row's own `imported_id`, else its FinWise `id`, so a second import of the same
 * file finds every row again.
 */
export function readFinwiseExport(
  rows: readonly CsvRecord[],
  names: readonly string[],
  context: ReaderContext,
): StatementBody {
  const index = new Map(names.map((name, i) => [name.trim().toLowerCase(), i]));
  const cell = (row: CsvRecord, column: Column): string =>
    (row.cells[index.get(column) ?? -1] ?? '').trim();

  const accounts = [...new Set(rows.map((row) => cell(row, 'account')))];
  if (accounts.length > 1) {
    throw new ImportFileError(
      `This export holds ${accounts.length} accounts (${accounts.slice(0, 5).join(', ')}` +
        `${accounts.length > 5 ? ', …' : ''}): export one account to import it into another`,
    );
  }

  const entries: { line: StatementLine; splits: StatementSplit[] }[] = [];
  const parents = new Map<string, { line: StatementLine; splits: StatementSplit[] }>();
  const children: CsvRecord[] = [];
  for (const row of rows) {
    if (cell(row, 'parent_id')) {
      children.push(row);
      continue;
    }
    const entry = { line: lineOf(row, cell, context), splits: [] };
    entries.push(entry);
    parents.set(cell(row, 'id'), entry);
  }
  const orphans = new Map<number, string>();
  for (const row of children) {
    const parent = parents.get(cell(row, 'parent_id'));
    const amount = amountOf(row, cell, context);
    if (!parent) {
      orphans.set(row.line, `the split parent ${cell(row, 'parent_id')} is not in the file`);
    } else if (typeof amount === 'string') {
      orphans.set(row.line, amount);
    } else {
      parent.splits.push({
        amountMinor: amount,
        ...text('categoryName', cell(row, 'category')),
        ...text('categoryGroup', cell(row, 'category_group')),
        ...text('transferAccountName', cell(row, 'transfer_account')),
        ...text('notes', cell(row, 'notes')),
      });
    }
  }
  const withSplits = entries.map(({ line, splits }) =>
    splits.length > 0 ? { ...line, splits } : line,
  );
  const errors: StatementLine[] = [...orphans].map(([line, error]) => ({ line, error }));
  return {
    ...(accounts[0] ? { accountHint: accounts[0] } : {}),
    lines: [...withSplits, ...errors].sort((a, b) => a.line - b.line),
  };
}

function lineOf(
  row: CsvRecord,
  cell: (row: CsvRecord, column: Column) => string,
  context: ReaderContext,
): StatementLine {
  const rawDate = cell(row, 'date');
  const date = parseDate(rawDate, 'YYYY-MM-DD');
  const amount = amountOf(row, cell, context);
  const bankId = cell(row, 'imported_id') || cell(row, 'id');
  const status = cell(row, 'status').toLowerCase();
  const error =
    date === undefined
      ? `"${rawDate}" is not a date (YYYY-MM-DD)`
      : typeof amount === 'string'
        ? amount
        : undefined;
  return {
    line: row.line,
    rawDate,
    ...(date ? { date } : {}),
    ...(typeof amount === 'number' ? { amountMinor: amount } : {}),
    rawAmount: cell(row, 'amount'),
    ...text('payee', cell(row, 'payee')),
    ...text('notes', cell(row, 'notes')),
    ...text('bankId', bankId),
    ...text('categoryName', cell(row, 'category')),
    ...text('categoryGroup', cell(row, 'category_group')),
    ...text('transferAccountName', cell(row, 'transfer_account')),
    cleared: status === 'cleared' || status === 'reconciled',
    ...(error ? { error } : {}),
  };
}

/** The exact integer column; the decimal `amount` beside it is for people and spreadsheets. */
function amountOf(
  row: CsvRecord,
  cell: (row: CsvRecord, column: Column) => string,
  context: ReaderContext,
): number | string {
  const currency = cell(row, 'currency').toUpperCase();
  if (currency && currency !== context.currency.toUpperCase()) {
    return `the amount is in ${currency}, the account is in ${context.currency}`;
  }
  const raw = cell(row, 'amount_minor');
  const minor = /^-?\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(minor)) return `"${raw}" is not an amount in minor units`;
  return minor;
}

function text<K extends string>(key: K, value: string): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
