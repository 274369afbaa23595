import type { CandidateQuery, FuzzyCandidate } from './fuzzy-candidates';

export interface FuzzyLine extends CandidateQuery {
  /** Position of the line in the statement. */
  readonly index: number;
  /** The payee the line resolves to, if the household knows it. */
  readonly payeeId?: string;
}

/**
 * Actual's two passes (research D4): first every line takes the nearest unclaimed candidate with
 * the same payee, then every line still unmatched takes the nearest unclaimed one. Each pass is a
 * full sweep over the lines and `claimed` is shared, so one existing row is claimed once and a
 * same-payee match is never taken away by an earlier line's weaker one.
 */
export function fuzzyMatch(
  lines: readonly FuzzyLine[],
  candidatesFor: (line: FuzzyLine) => readonly FuzzyCandidate[],
  payeeOf: (candidate: FuzzyCandidate) => string | undefined,
  claimed: Set<string>,
): Map<number, FuzzyCandidate> {
  const matches = new Map<number, FuzzyCandidate>();
  const candidates = new Map(lines.map((line) => [line.index, candidatesFor(line)]));
  const sweep = (accept: (line: FuzzyLine, candidate: FuzzyCandidate) => boolean) => {
    for (const line of lines) {
      if (matches.has(line.index)) continue;
      const found = candidates
        .get(line.index)
        ?.find((candidate) => !claimed.has(candidate.row.id) && accept(line, candidate));
      if (found === undefined) continue;
      claimed.add(found.row.id);
      matches.set(line.index, found);
    }
  };
  sweep((line, candidate) => line.payeeId !== undefined && payeeOf(candidate) === line.payeeId);
  sweep(() => true);
  return matches;
}
