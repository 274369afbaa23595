import { payeeResolver, type FinanceMutation } from '@finwise/finance';
import type { ExistingTransaction, ImportAccount } from '../dedup/existing-transaction';
import { matchLines, type LineOutcome } from '../dedup/match-lines';
import { isUsableLine, syntheticImportedIds } from '../ids/synthetic-imported-ids';
import type { PreviewRow, PreviewSummary } from '../model/preview';
import type { ParsedStatement, StatementLine } from '../model/statement';
import { matchMutation, newLineMutations, type LineReferences } from './line-mutations';
import {
  categoryFinder,
  payeeChooser,
  transferAccountFinder,
  type ImportCategory,
  type ImportPayee,
  type PayeeChoice,
} from './references';

export interface ImportContext {
  /** The target account (live). */
  readonly accountId: string;
  /** Its ISO 4217 currency. */
  readonly currency: string;
  /**
   * Every row the household has that touches this account (`accountId` or `transferAccountId`
   * = it), tombstones included (`deletedAt` set), and the rows of `importedRowIds` (a tombstone
   * keeps no account, so it is found by id). The rows of `importContextScope` are enough: they
   * give the same plan, and an account with years of history need not be read whole.
   */
  readonly transactions: readonly ExistingTransaction[];
  readonly payees: readonly ImportPayee[];
  readonly categories: readonly ImportCategory[];
  readonly accounts: readonly ImportAccount[];
}

export interface ImportPlanOptions {
  /** File lines (`StatementLine.line`) the user left out. */
  readonly excludeLines?: readonly number[];
  /** `false`: lines never fuzzily match a row typed by hand (research D7). Default true. */
  readonly fuzzyMatch?: boolean;
  /** File lines to add as rows of their own even where a row would match (D7's force-add). */
  readonly forceNewLines?: readonly number[];
  /**
   * Lines whose imported row the user deleted are imported again (D5), as new rows with a fresh
   * id (`reimportedRowId`): a delete wins every merge, so the deleted id cannot be written again.
   */
  readonly reimportDeleted?: boolean;
}

export interface ImportPlan {
  /** Every line of the file with its status, excluded lines included. */
  readonly rows: PreviewRow[];
  /**
   * `new`, `match`, `duplicate` and `locked` count the lines being imported (excluded ones left
   * out); `error` counts every line with an error. Without exclusions that is the preview's
   * summary; for an import that may go ahead (no `blockingLines`) every error line is excluded,
   * so `error` is FINANCE's "only excluded lines".
   */
  readonly summary: PreviewSummary;
  /** Lines with an error that are not excluded: while any remain, the import writes nothing. */
  readonly blockingLines: number[];
  /**
   * Payees the mutations refer to that the household does not have: write each only when no row
   * of that id exists (its id follows the name rule, so another device may have made it), before
   * the mutations. Empty while `blockingLines` is not.
   */
  readonly payeeSeeds: { readonly id: string; readonly name: string }[];
  /**
   * Creates for `new` lines and updates for `match` lines, in file order, each split parent
   * before its children: one batch. Each update is followed by the delete of the id the line
   * would have had as a row of its own (a tombstone that remembers the bank id, see below). Empty while `blockingLines` is not.
   */
  readonly mutations: FinanceMutation[];
  /** `new` lines written (a split record counts once). */
  readonly created: number;
  /** `match` lines written. */
  readonly updated: number;
  /** The transaction each written line created or updated, in file order (split parents only). */
  readonly ids: string[];
}

/**
 * Compares a statement with the account's rows and decides what an import does with each line
 * (FINANCE §5). Pure and deterministic: two devices planning the same file against the same rows,
 * in whatever order they hold them, produce the same mutations.
 */
export function planImport(
  statement: ParsedStatement,
  context: ImportContext,
  options: ImportPlanOptions = {},
): ImportPlan {
  const { accountId } = context;
  const { lines } = statement;
  const positionsOf = (fileLines: readonly number[] | undefined) => {
    const wanted = new Set(fileLines ?? []);
    return new Set(lines.flatMap((line, index) => (wanted.has(line.line) ? [index] : [])));
  };
  const excluded = positionsOf(options.excludeLines);
  const choosePayee = payeeChooser(context.payees);
  const resolvePayee = payeeResolver(context.payees);
  const findCategory = categoryFinder(context.categories);
  const findAccount = transferAccountFinder(accountId, context.currency, context.accounts);

  const payeeChoices = lines.map((line) => choosePayee(line.payee));
  const outcomes = matchLines({
    accountId,
    currency: context.currency,
    lines,
    importedIds: syntheticImportedIds(accountId, lines),
    linePayeeIds: payeeChoices.map((choice) => choice?.payeeId),
    transactions: context.transactions,
    accounts: context.accounts,
    payeeOf: (row) => (row.payeeId ? resolvePayee(row.payeeId) : undefined),
    excluded,
    forceNew: positionsOf(options.forceNewLines),
    fuzzyMatch: options.fuzzyMatch,
    reimportDeleted: options.reimportDeleted,
  });

  const blockingLines = lines.flatMap((line, index) =>
    outcomes[index].status === 'error' && !excluded.has(index) ? [line.line] : [],
  );
  // All or nothing (FINANCE §5): an error line that is not excluded stops every write.
  const writes =
    blockingLines.length > 0
      ? { payeeSeeds: [], mutations: [], created: 0, updated: 0, ids: [] }
      : planWrites(
          lines,
          outcomes,
          excluded,
          (line, index) => ({
            payeeId: payeeChoices[index]?.payeeId,
            seed: payeeChoices[index]?.seed,
            categoryId: findCategory(line.categoryName, line.categoryGroup),
            transferAccountId: findAccount(line.transferAccountName),
            splits: line.splits?.map((split) => ({
              categoryId: findCategory(split.categoryName, split.categoryGroup),
              transferAccountId: findAccount(split.transferAccountName),
            })),
          }),
          accountId,
        );

  return {
    rows: lines.map((line, index) => previewRow(line, outcomes[index])),
    summary: countStatuses(outcomes, excluded),
    blockingLines,
    ...writes,
  };
}

function countStatuses(
  outcomes: readonly LineOutcome[],
  excluded: ReadonlySet<number>,
): PreviewSummary {
  const summary = { new: 0, match: 0, duplicate: 0, locked: 0, error: 0 };
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'error' || !excluded.has(index)) summary[outcome.status] += 1;
  });
  return summary;
}

type Writes = Pick<ImportPlan, 'payeeSeeds' | 'mutations' | 'created' | 'updated' | 'ids'>;

/** The writes of the `new` and `match` lines being imported, in file order. */
function planWrites(
  lines: readonly StatementLine[],
  outcomes: readonly LineOutcome[],
  excluded: ReadonlySet<number>,
  referencesOf: (
    line: StatementLine,
    index: number,
  ) => LineReferences & { seed?: PayeeChoice['seed'] },
  accountId: string,
): Writes {
  const payeeSeeds = new Map<string, { id: string; name: string }>();
  const mutations: FinanceMutation[] = [];
  const ids: string[] = [];
  let created = 0;
  let updated = 0;
  lines.forEach((line, index) => {
    const outcome = outcomes[index];
    if (excluded.has(index) || !isUsableLine(line)) return;
    if (outcome.status !== 'new' && outcome.status !== 'match') return;
    const references = referencesOf(line, index);
    const written =
      outcome.status === 'new'
        ? newLineMutations(accountId, line, outcome.importedId, references, outcome.rowId)
        : [matchMutation(line, outcome.importedId, outcome.candidate, references)];
    mutations.push(...written);
    if (outcome.status === 'match') {
      // A tombstone keeps no fields, so once the matched row is deleted nothing would carry the
      // line's bank id: a tombstone at the id the line would have had keeps it from coming back
      // (FINANCE §5), and a device that added the line offline meanwhile sees its copy removed.
      mutations.push({
        modelName: 'transactions',
        operation: 'delete',
        data: { id: outcome.rowId },
      });
    }
    ids.push(written[0].data.id);
    if (outcome.status === 'new') created += 1;
    else updated += 1;
    // A payee is seeded only when a write points at it: a match keeps the row's own payee.
    const seed = references.seed;
    if (seed && written[0].data['payeeId'] === seed.id && !payeeSeeds.has(seed.id)) {
      payeeSeeds.set(seed.id, seed);
    }
  });
  return { payeeSeeds: [...payeeSeeds.values()], mutations, created, updated, ids };
}

function previewRow(line: StatementLine, outcome: LineOutcome): PreviewRow {
  const base = {
    line: line.line,
    status: outcome.status,
    date: line.date,
    rawDate: line.rawDate,
    amountMinor: line.amountMinor,
    payee: line.payee,
    notes: line.notes,
    warning: line.warning,
  };
  switch (outcome.status) {
    case 'error':
      return compact({ ...base, error: outcome.error });
    case 'new':
      return compact({ ...base, importedId: outcome.importedId });
    case 'duplicate':
      return compact({
        ...base,
        importedId: outcome.importedId,
        matchedId: outcome.matchedId,
        deleted: outcome.deleted,
      });
    case 'match':
      return compact({
        ...base,
        importedId: outcome.importedId,
        matchedId: outcome.candidate.row.id,
      });
    case 'locked':
      return compact({ ...base, importedId: outcome.importedId, matchedId: outcome.matchedId });
  }
}

/** Leaves out absent fields, so a row serialises as FINANCE §5 shows it. */
function compact(row: PreviewRow): PreviewRow {
  return Object.fromEntries(
    Object.entries(row).filter(([, value]) => value !== undefined),
  ) as unknown as PreviewRow;
}
