import { readDateColumn } from '../dates/read-date-column';
import type { DateFormat, ImportOptions } from '../model/import-options';
import type { ReaderContext } from '../model/reader';
import type { StatementLine } from '../model/statement';
import { parseMoneyColumn } from '../money/parse-money-column';
import type { DecimalSeparator, MoneyResult } from '../money/parse-money';
import type { CsvRecord } from './parse-records';
import type { ColumnIndexes } from './resolve-columns';

export interface CsvLines {
  readonly lines: StatementLine[];
  readonly dateFormat?: DateFormat;
  readonly decimal?: DecimalSeparator;
  readonly dateFormats?: readonly DateFormat[];
  readonly decimals?: readonly DecimalSeparator[];
}

/**
 * Turns mapped rows into statement lines. Dates and the decimal mark are decided per column; a
 * row whose date or amount cannot be read keeps its line with an `error` naming the value, so the
 * preview shows it instead of silently dropping it.
 */
export function buildLines(
  rows: readonly CsvRecord[],
  columns: ColumnIndexes,
  names: readonly string[],
  context: ReaderContext,
  currencyColumn?: number,
): CsvLines {
  const { options } = context;
  const cell = (row: CsvRecord, index: number | undefined): string =>
    index === undefined ? '' : (row.cells[index] ?? '').trim();

  const dates = readDateColumn(
    rows.map((row) => cell(row, columns.date)),
    options.dateFormat,
  );
  const moneyOptions = {
    decimal: options.decimal ?? 'auto',
    exponent: context.exponent,
    format: 'csv',
    currency: context.currency,
  } as const;
  const amountCells =
    columns.amount !== undefined
      ? rows.map((row) => cell(row, columns.amount))
      : [
          ...rows.map((row) => cell(row, columns.inflow)),
          ...rows.map((row) => cell(row, columns.outflow)),
        ];
  const money = parseMoneyColumn(amountCells, moneyOptions);

  const lines = rows.map((row, index): StatementLine => {
    const errors: string[] = [];
    const rawDate = cell(row, columns.date);
    const dateResult = dates.results[index];
    if (rawDate === '') errors.push(`There is no date in column "${names[columns.date ?? 0]}"`);
    else if (dateResult.kind !== 'ok') errors.push(dateResult.message);

    const amount =
      columns.amount !== undefined
        ? signedAmount(cell(row, columns.amount), money.results[index], names[columns.amount])
        : splitAmount(
            { raw: cell(row, columns.inflow), result: money.results[index] },
            { raw: cell(row, columns.outflow), result: money.results[rows.length + index] },
            columns,
            names,
          );
    if ('error' in amount) errors.push(amount.error);
    const rowCurrency = cell(row, currencyColumn).toUpperCase();
    if (rowCurrency !== '' && rowCurrency !== context.currency.toUpperCase()) {
      errors.push(`The row is in ${rowCurrency}, the account in ${context.currency.toUpperCase()}`);
    }
    const minor =
      'minor' in amount && amount.minor !== undefined ? flip(amount.minor, options) : undefined;

    const payee = cell(row, columns.payee);
    const notes = cell(row, columns.notes);
    const bankId = cell(row, columns.id);
    const payeeOrMemo = payee === '' && options.payeeFromMemo ? notes : payee;
    return {
      line: row.line,
      ...(dateResult.kind === 'ok' && rawDate !== '' ? { date: dateResult.date } : {}),
      ...(rawDate !== '' ? { rawDate } : {}),
      ...(minor !== undefined ? { amountMinor: minor } : {}),
      ...(amount.raw !== '' ? { rawAmount: amount.raw } : {}),
      ...(payeeOrMemo !== '' ? { payee: payeeOrMemo } : {}),
      ...(notes !== '' ? { notes } : {}),
      ...(bankId !== '' ? { bankId } : {}),
      ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
    };
  });

  return {
    lines,
    ...(dates.format ? { dateFormat: dates.format } : {}),
    ...(money.decimal ? { decimal: money.decimal } : {}),
    ...(dates.ambiguous ? { dateFormats: dates.ambiguous } : {}),
    ...(money.ambiguous ? { decimals: money.ambiguous } : {}),
  };
}

type Amount = { raw: string; minor?: number } | { raw: string; error: string };

function signedAmount(raw: string, result: MoneyResult, column: string): Amount {
  if (raw === '') return { raw, error: `There is no amount in column "${column}"` };
  if (result.kind === 'ok') return { raw, minor: result.minor };
  return { raw, error: result.message };
}

/**
 * Inflow minus outflow, research §3.3. Banks write the outflow column unsigned (`45.00`) or
 * signed (`-45.00`): either way it is money leaving. A zero counts as empty, since some banks
 * fill the unused column with `0,00`.
 */
function splitAmount(
  inflow: { raw: string; result: MoneyResult },
  outflow: { raw: string; result: MoneyResult },
  columns: ColumnIndexes,
  names: readonly string[],
): Amount {
  const inName = columns.inflow === undefined ? 'inflow' : names[columns.inflow];
  const outName = columns.outflow === undefined ? 'outflow' : names[columns.outflow];
  for (const side of [inflow, outflow]) {
    if (side.raw !== '' && side.result.kind !== 'ok') {
      return { raw: side.raw, error: side.result.message };
    }
  }
  const value = (side: { raw: string; result: MoneyResult }) =>
    side.raw !== '' && side.result.kind === 'ok' ? Math.abs(side.result.minor) : 0;
  const incoming = value(inflow);
  const outgoing = value(outflow);
  if (incoming !== 0 && outgoing !== 0) {
    return {
      raw: `${inflow.raw} / ${outflow.raw}`,
      error: `Both "${inName}" (${inflow.raw}) and "${outName}" (${outflow.raw}) have an amount`,
    };
  }
  if (inflow.raw === '' && outflow.raw === '') {
    return { raw: '', error: `There is no amount in "${inName}" or "${outName}"` };
  }
  if (outgoing !== 0) return { raw: outflow.raw, minor: -outgoing };
  return { raw: inflow.raw !== '' ? inflow.raw : outflow.raw, minor: incoming };
}

function flip(minor: number, options: ImportOptions): number {
  if (!options.flipSign || minor === 0) return minor;
  return -minor;
}
