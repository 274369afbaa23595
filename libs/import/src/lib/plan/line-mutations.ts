import type { FieldValue, FinanceMutation } from '@finwise/finance';
import type { FuzzyCandidate } from '../dedup/fuzzy-candidates';
import { importedSplitLineId, importedTransactionId } from '../ids/imported-transaction-id';
import type { StatementLine, StatementSplit } from '../model/statement';
import { cutText } from './cut-text';

/** `importedPayee` and `notes` are text fields of at most 500 characters (DESIGN §4). */
export const MAX_IMPORTED_TEXT_LENGTH = 500;

/** What a line's names resolved to in this household. */
export interface LineReferences {
  readonly payeeId?: string;
  readonly categoryId?: string;
  readonly transferAccountId?: string;
  /** Per split, by position: the same for each QIF split line. */
  readonly splits?: readonly {
    readonly categoryId?: string;
    readonly transferAccountId?: string;
  }[];
}

type RowData = { id: string } & Record<string, FieldValue>;

/** Optional fields are left out rather than sent as null, so a create never clears anything. */
function withOptional(data: RowData, fields: Record<string, FieldValue | undefined>): RowData {
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined) data[field] = value;
  }
  return data;
}

/**
 * Bank text as stored: without U+0000 (which PostgreSQL cannot store and text fields refuse), cut
 * to the field's length, nothing for blank text.
 */
export function storedText(text: string | undefined): string | undefined {
  const clean = text?.replaceAll('\u0000', '');
  if (clean === undefined || clean.trim() === '') return undefined;
  return cutText(clean, MAX_IMPORTED_TEXT_LENGTH);
}

/**
 * The creates for a `new` line: one row with the deterministic id (or a re-imported line's fresh
 * one), or for a QIF record with
 * splits a parent that keeps the bank's total plus one child per split, parent first.
 */
export function newLineMutations(
  accountId: string,
  line: StatementLine & { readonly date: string; readonly amountMinor: number },
  importedId: string,
  references: LineReferences,
  id: string = importedTransactionId(accountId, importedId),
): FinanceMutation[] {
  const cleared = line.cleared ?? true;
  const splits = line.splits ?? [];
  const isSplit = splits.length > 0;
  const parent = withOptional(
    { id, accountId, date: line.date, amountMinor: line.amountMinor, cleared, reconciled: false },
    {
      payeeId: references.payeeId,
      importedId,
      importedPayee: storedText(line.payee),
      notes: storedText(line.notes),
      // A split parent's category and transfer are ignored by the ledger; its children carry them.
      categoryId: isSplit ? undefined : references.categoryId,
      transferAccountId: isSplit ? undefined : references.transferAccountId,
    },
  );
  const mutations: FinanceMutation[] = [
    { modelName: 'transactions', operation: 'create', data: parent },
  ];
  splits.forEach((split: StatementSplit, position) => {
    const splitReferences = references.splits?.[position] ?? {};
    mutations.push({
      modelName: 'transactions',
      operation: 'create',
      data: withOptional(
        {
          id: importedSplitLineId(id, position + 1),
          accountId,
          date: line.date,
          amountMinor: split.amountMinor,
          cleared,
          reconciled: false,
          parentId: id,
        },
        {
          categoryId: splitReferences.categoryId,
          transferAccountId: splitReferences.transferAccountId,
          notes: storedText(split.notes),
        },
      ),
    });
  });
  return mutations;
}

/**
 * The update for a `match`. On the row's own side: the bank id and text, cleared, and payee,
 * notes and category only where the row has none (what the user typed wins). The date stays: the
 * user's date is often the day of the purchase, the bank's the day it was booked, and a budget
 * month should not move under the user because a statement arrived. On the far side of a transfer
 * the row belongs to the other account, so only that side's bank id and cleared flag are set.
 */
export function matchMutation(
  line: StatementLine,
  importedId: string,
  candidate: FuzzyCandidate,
  references: LineReferences,
): FinanceMutation {
  const { row } = candidate;
  const cleared = line.cleared ?? true;
  if (candidate.side === 'transfer') {
    return {
      modelName: 'transactions',
      operation: 'update',
      data: { id: row.id, transferImportedId: importedId, transferCleared: cleared },
    };
  }
  return {
    modelName: 'transactions',
    operation: 'update',
    data: withOptional(
      { id: row.id, importedId, cleared },
      {
        importedPayee: storedText(line.payee),
        payeeId: row.payeeId ? undefined : references.payeeId,
        notes: row.notes ? undefined : storedText(line.notes),
        categoryId: row.categoryId ? undefined : references.categoryId,
      },
    ),
  };
}
