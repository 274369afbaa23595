import { importedTransactionId } from '../ids/imported-transaction-id';
import { isUsableLine, lineProblem } from '../ids/synthetic-imported-ids';
import type { StatementLine } from '../model/statement';
import { exactMatcher } from './exact-match';
import type { ExistingTransaction, ImportAccount } from './existing-transaction';
import { fuzzyCandidateFinder, type FuzzyCandidate } from './fuzzy-candidates';
import { fuzzyMatch, type FuzzyLine } from './fuzzy-match';

/** What an import does with one statement line. */
export type LineOutcome =
  | { readonly status: 'new'; readonly importedId: string }
  | { readonly status: 'match'; readonly importedId: string; readonly candidate: FuzzyCandidate }
  | { readonly status: 'duplicate'; readonly importedId: string; readonly matchedId: string }
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
  const firstWithId = new Map<string, number>();
  const claimed = new Set<string>();
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
        outcomes[index] = { status: 'duplicate', importedId, matchedId: landed.id };
        continue;
      }
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
      const candidate = matches.get(index);
      outcomes[index] =
        candidate === undefined
          ? { status: 'new', importedId }
          : candidate.reconciled
            ? { status: 'locked', importedId, matchedId: candidate.row.id }
            : { status: 'match', importedId, candidate };
    }

    // D3: a bank id repeated inside the file is one bank row; later copies follow the first.
    for (const [index, first] of repeats) {
      const importedId = input.importedIds[index] as string;
      const firstOutcome = outcomes[first] as LineOutcome;
      outcomes[index] = {
        status: 'duplicate',
        importedId,
        matchedId: landingId(input.accountId, firstOutcome),
      };
    }
  };

  matchGroup(positions.filter((index) => !input.excluded.has(index)));
  matchGroup(positions.filter((index) => input.excluded.has(index)));
  return outcomes as LineOutcome[];
}

/** The id of the row a line's outcome writes to or lands on. */
function landingId(accountId: string, outcome: LineOutcome): string {
  switch (outcome.status) {
    case 'new':
      return importedTransactionId(accountId, outcome.importedId);
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
