import { importedTransactionId, reimportedRowId } from '../ids/imported-transaction-id';
import { isUsableLine, lineProblem } from '../ids/synthetic-imported-ids';
import type { StatementLine } from '../model/statement';
import { exactMatcher } from './exact-match';
import type { ExistingTransaction, ImportAccount } from './existing-transaction';
import { fuzzyCandidateFinder, type FuzzyCandidate } from './fuzzy-candidates';
import { fuzzyMatch, type FuzzyLine } from './fuzzy-match';

/** What an import does with one statement line. */
export type LineOutcome =
  | {
      readonly status: 'new';
      readonly importedId: string;
      /** The id the row gets: the deterministic one, or a re-imported line's fresh one. */
      readonly rowId: string;
    }
  | {
      readonly status: 'match';
      readonly importedId: string;
      readonly candidate: FuzzyCandidate;
      /** The id the line would have had as a row of its own (the match leaves a tombstone there). */
      readonly rowId: string;
    }
  | {
      readonly status: 'duplicate';
      readonly importedId: string;
      readonly matchedId: string;
      /** The line landed on a row the user deleted. */
      readonly deleted?: true;
    }
  | { readonly status: 'locked'; readonly importedId: string; readonly matchedId: string }
  | { readonly status: 'error'; readonly error: string };

export interface MatchLinesInput {
  readonly accountId: string;
  readonly currency: string;
  readonly lines: readonly StatementLine[];
  /** Each line's `importedId` by position (`syntheticImportedIds`). */
  readonly importedIds: readonly (string | undefined)[];
  /** The payee each line resolves to by position, for the same-payee pass. */
  readonly linePayeeIds: readonly (string | undefined)[];
  readonly transactions: readonly ExistingTransaction[];
  readonly accounts: readonly ImportAccount[];
  /** An existing row's payee after merges. */
  readonly payeeOf: (row: ExistingTransaction) => string | undefined;
  /** Positions of the lines the user left out. */
  readonly excluded: ReadonlySet<number>;
  /** Positions of the lines to add as rows of their own even when a row would match (D7). */
  readonly forceNew?: ReadonlySet<number>;
  /** `false`: no fuzzy matching at all for this import (D7). */
  readonly fuzzyMatch?: boolean;
  /** Lines whose row was deleted become new rows with a fresh id (D5's escape hatch). */
  readonly reimportDeleted?: boolean;
}

/**
 * Decides every line's status (FINANCE §5, research D3–D5). The lines being imported are matched
 * first; the excluded ones afterwards against what is left, so leaving a line out never changes
 * what happens to the others, while the preview still shows what the excluded line would be.
 */
export function matchLines(input: MatchLinesInput): LineOutcome[] {
  const outcomes: (LineOutcome | undefined)[] = input.lines.map(() => undefined);
  const exact = exactMatcher(input.accountId, input.transactions);
  const candidates = fuzzyCandidateFinder(
    input.accountId,
    input.currency,
    input.transactions,
    input.accounts,
  );
  const byId = new Map(input.transactions.map((row) => [row.id, row]));
  const firstWithId = new Map<string, number>();
  const claimed = new Set<string>();
  const rowIds = new Map<number, string>();
  const positions = input.lines.map((_, index) => index);

  const matchGroup = (group: readonly number[]) => {
    const repeats: [number, number][] = [];
    const fuzzyLines: FuzzyLine[] = [];
    for (const index of group) {
      const line = input.lines[index];
      const importedId = input.importedIds[index];
      if (!isUsableLine(line) || importedId === undefined) {
        outcomes[index] = { status: 'error', error: lineProblem(line) ?? 'unreadable line' };
        continue;
      }
      const first = firstWithId.get(importedId);
      if (first !== undefined) {
        repeats.push([index, first]);
        continue;
      }
      firstWithId.set(importedId, index);
      const landed = exact(importedId);
      if (landed !== undefined) {
        const reimport = landed.deletedAt && input.reimportDeleted ? freeRowId(landed, byId) : null;
        if (reimport === null) {
          outcomes[index] = {
            status: 'duplicate',
            importedId,
            matchedId: landed.id,
            ...(landed.deletedAt ? { deleted: true as const } : {}),
          };
          continue;
        }
        rowIds.set(index, reimport);
      }
      const rowId = rowIds.get(index) ?? importedTransactionId(input.accountId, importedId);
      if (input.fuzzyMatch === false || input.forceNew?.has(index)) {
        outcomes[index] = { status: 'new', importedId, rowId };
        continue;
      }
      rowIds.set(index, rowId);
      fuzzyLines.push({
        index,
        date: line.date,
        amountMinor: line.amountMinor,
        payeeId: input.linePayeeIds[index],
      });
    }

    const matches = fuzzyMatch(fuzzyLines, candidates, (c) => input.payeeOf(c.row), claimed);
    for (const { index } of fuzzyLines) {
      const importedId = input.importedIds[index] as string;
      const rowId = rowIds.get(index) as string;
      const candidate = matches.get(index);
      outcomes[index] =
        candidate === undefined
          ? { status: 'new', importedId, rowId }
          : candidate.reconciled
            ? { status: 'locked', importedId, matchedId: candidate.row.id }
            : { status: 'match', importedId, candidate, rowId };
    }

    // D3: a bank id repeated inside the file is one bank row; later copies follow the first.
    for (const [index, first] of repeats) {
      const importedId = input.importedIds[index] as string;
      const firstOutcome = outcomes[first] as LineOutcome;
      outcomes[index] = {
        status: 'duplicate',
        importedId,
        matchedId: landingId(firstOutcome),
      };
    }
  };

  matchGroup(positions.filter((index) => !input.excluded.has(index)));
  matchGroup(positions.filter((index) => input.excluded.has(index)));
  return outcomes as LineOutcome[];
}

/**
 * The first id of the deleted row's re-import chain (`reimportedRowId`) that holds no row in the
 * context, or null when the chain reaches a live row (the line was re-imported already). Readers
 * load the chain with `reimportChainIds`.
 */
function freeRowId(
  deleted: ExistingTransaction,
  byId: ReadonlyMap<string, ExistingTransaction>,
): string | null {
  let current = deleted;
  for (;;) {
    const next = reimportedRowId(current.id);
    const row = byId.get(next);
    if (row === undefined) return next;
    if (!row.deletedAt) return null;
    current = row;
  }
}

/** The id of the row a line's outcome writes to or lands on. */
function landingId(outcome: LineOutcome): string {
  switch (outcome.status) {
    case 'new':
      return outcome.rowId;
    case 'match':
      return outcome.candidate.row.id;
    case 'duplicate':
    case 'locked':
      return outcome.matchedId;
    case 'error':
      // A line with an error has no importedId, so no later line can repeat it.
      throw new Error('An unreadable line has no row');
  }
}
