import type { StatementReader } from '../model/reader';
import { ImportFileError, type StatementLine, type StatementSplit } from '../model/statement';
import { parseMoneyColumn } from '../money/parse-money-column';
import type { MoneyResult } from '../money/parse-money';
import { readQifCategory, type QifCategory } from './qif-category';
import { readQifDates } from './qif-dates';
import { draftOf, type QifDraft } from './qif-draft';
import { readQifRecords } from './qif-records';

/** `C*` / `Cc` cleared; `CX` / `CR` reconciled in Quicken, imported as cleared only. */
const CLEARED_MARKS = new Set(['*', 'c', 'C', 'x', 'X', 'r', 'R']);

/**
 * QIF bank, credit card, cash and other-asset/liability sections, with splits. Dates are read as
 * one column for the whole file and amounts likewise (`options.decimal`, else inferred), so an
 * ambiguity is reported once for the file. A reconciled mark is imported as cleared only: a
 * reconciliation in FinWise is the user's own act against their statement balance.
 */
export const readQif: StatementReader = (text, context) => {
  const file = readQifRecords(text);
  // A record with neither date nor amount (an empty trailing record, a stray memo) is no transaction.
  const drafts = file.records
    .map(draftOf)
    .filter((draft) => draft.rawDate !== undefined || draft.rawAmount !== undefined);
  // A QIF section without transactions is a valid (empty) export; no header and nothing read is not QIF.
  if (drafts.length === 0 && !file.hasHeader) {
    throw new ImportFileError('no !Type header and no transactions: this is not a QIF file');
  }

  const dates = readQifDates(
    drafts.map((draft) => ({ raw: draft.rawDate, line: draft.line })),
    context.options.dateFormat,
  );
  const amountTexts = drafts.flatMap((draft) => [
    draft.rawAmount ?? '',
    ...draft.splits.map((split) => split.rawAmount ?? ''),
  ]);
  const amounts = parseMoneyColumn(amountTexts, {
    decimal: context.options.decimal ?? 'auto',
    exponent: context.exponent,
    format: 'qif',
    currency: context.currency,
  });

  let amountIndex = 0;
  const lines = drafts.map((draft, index): StatementLine => {
    const amount = draft.rawAmount === undefined ? undefined : amounts.results[amountIndex];
    amountIndex++;
    const splitAmounts = draft.splits.map((split) => {
      const result = split.rawAmount === undefined ? undefined : amounts.results[amountIndex];
      amountIndex++;
      return result;
    });
    return lineOf(draft, dates.results[index], amount, splitAmounts, context.exponent);
  });

  const ambiguities = {
    ...(dates.ambiguous ? { dateFormats: dates.ambiguous } : {}),
    ...(amounts.ambiguous ? { decimal: amounts.ambiguous } : {}),
  };
  const detected = {
    ...(dates.format ? { dateFormat: dates.format } : {}),
    ...(amounts.decimal ? { decimal: amounts.decimal } : {}),
  };
  return {
    ...(file.accountName !== undefined ? { accountHint: file.accountName } : {}),
    ...(Object.keys(detected).length > 0 ? { detected } : {}),
    ...(Object.keys(ambiguities).length > 0 ? { ambiguities } : {}),
    lines,
  };
};

type DateReading = ReturnType<typeof readQifDates>['results'][number];

function lineOf(
  draft: QifDraft,
  date: DateReading,
  amount: MoneyResult | undefined,
  splitAmounts: readonly (MoneyResult | undefined)[],
  exponent: number,
): StatementLine {
  const problems: string[] = [];
  if (draft.rawDate === undefined) problems.push('no date (D)');
  else if (date !== undefined && date.kind !== 'ok') problems.push(date.message);
  if (draft.rawAmount === undefined) problems.push('no amount (T)');
  else if (amount !== undefined && amount.kind !== 'ok') problems.push(amount.message);
  const amountMinor = amount?.kind === 'ok' ? amount.minor : undefined;

  const splitRead = readSplits(draft, splitAmounts, amountMinor, exponent);
  if (typeof splitRead === 'string') problems.push(splitRead);
  const splits = typeof splitRead === 'string' ? [] : splitRead;
  // One split is the whole record (some exporters always write one): its category is the record's.
  const single = splits.length === 1 ? splits[0] : undefined;
  const ownCategory = draft.category === undefined ? {} : readQifCategory(draft.category);
  // A split record's own `L` is Quicken's echo of the first split (or `--Splits--`): ignored.
  const category: QifCategory =
    splits.length > 1 ? {} : single && !hasCategory(ownCategory) ? categoryOf(single) : ownCategory;
  // The check or reference number (`N`) has no field of its own; kept in the notes as `#1043`.
  const notes = [draft.memo ?? single?.notes, draft.number && `#${draft.number}`]
    .filter((part) => part)
    .join(' ');

  return {
    line: draft.line,
    ...(date?.kind === 'ok' ? { date: date.date } : {}),
    ...(draft.rawDate !== undefined ? { rawDate: draft.rawDate } : {}),
    ...(amountMinor !== undefined ? { amountMinor } : {}),
    ...(draft.rawAmount !== undefined ? { rawAmount: draft.rawAmount } : {}),
    ...(draft.payee !== undefined ? { payee: draft.payee } : {}),
    ...(notes !== '' ? { notes } : {}),
    ...category,
    ...(draft.clearedMark !== undefined && CLEARED_MARKS.has(draft.clearedMark)
      ? { cleared: true }
      : {}),
    ...(splits.length > 1 ? { splits } : {}),
    ...(problems.length > 0 ? { error: problems.join('; ') } : {}),
  };
}

function hasCategory(category: QifCategory): boolean {
  return category.categoryName !== undefined || category.transferAccountName !== undefined;
}

function categoryOf(split: StatementSplit): QifCategory {
  const { categoryName, categoryGroup, transferAccountName } = split;
  return {
    ...(categoryName !== undefined ? { categoryName } : {}),
    ...(categoryGroup !== undefined ? { categoryGroup } : {}),
    ...(transferAccountName !== undefined ? { transferAccountName } : {}),
  };
}

/** The record's splits, or what is wrong with them. */
function readSplits(
  draft: QifDraft,
  amounts: readonly (MoneyResult | undefined)[],
  total: number | undefined,
  exponent: number,
): StatementSplit[] | string {
  const splits: StatementSplit[] = [];
  for (const [index, split] of draft.splits.entries()) {
    const amount = amounts[index];
    if (amount === undefined) return `split ${index + 1} has no amount ($)`;
    if (amount.kind !== 'ok') return `split ${index + 1}: ${amount.message}`;
    splits.push({
      amountMinor: amount.minor,
      ...(split.category !== undefined ? readQifCategory(split.category) : {}),
      ...(split.memo !== undefined ? { notes: split.memo } : {}),
    });
  }
  const sum = splits.reduce((running, split) => running + split.amountMinor, 0);
  if (splits.length > 0 && total !== undefined && sum !== total) {
    const shown = (minor: number) => decimalText(minor, exponent);
    return `the splits add up to ${shown(sum)} but the amount is ${shown(total)}`;
  }
  return splits;
}

/** Minor units as a decimal for messages, by string arithmetic (no float). */
function decimalText(minor: number, exponent: number): string {
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
