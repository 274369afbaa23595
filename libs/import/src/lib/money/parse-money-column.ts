import {
  parseMoney,
  type DecimalSeparator,
  type MoneyResult,
  type ParseMoneyOptions,
} from './parse-money';

export interface MoneyColumn {
  /** One result per input value, in order; an empty value is an `error`. */
  readonly results: readonly MoneyResult[];
  /** The decimal mark the column was read with, when one was given or could be decided. */
  readonly decimal?: DecimalSeparator;
  /** Set when `auto` could not decide: the user picks one; the undecided values stay `ambiguous`. */
  readonly ambiguous?: readonly DecimalSeparator[];
}

const SEPARATORS: readonly DecimalSeparator[] = ['.', ','];

/**
 * Research §3.4 step 4 for a whole column: a value that shows its decimal mark (`5,99`,
 * `1.234,56`, `1.234.567`) decides it for the values that do not (`1.234`). Without such a value
 * in a currency without minor units the mark that reads every undecided value wins (`1,234` in
 * JPY can only be grouping); otherwise the column is reported as ambiguous.
 */
export function parseMoneyColumn(raws: readonly string[], options: ParseMoneyOptions): MoneyColumn {
  const auto = raws.map((raw) => parseMoney(raw, options));
  if (options.format === 'ofx') return { results: auto };
  if (options.decimal !== 'auto') return { results: auto, decimal: options.decimal };

  const explicit = (decimal: DecimalSeparator): MoneyResult[] =>
    raws.map((raw) => parseMoney(raw, { ...options, decimal }));
  const readings = new Map(SEPARATORS.map((mark) => [mark, explicit(mark)] as const));
  const agrees = (mark: DecimalSeparator, index: number): boolean => {
    const decided = auto[index];
    const reading = readings.get(mark)?.[index];
    return decided.kind === 'ok' && reading?.kind === 'ok' && reading.minor === decided.minor;
  };
  const readsAll = (mark: DecimalSeparator, indexes: readonly number[]): boolean =>
    indexes.every((index) => readings.get(mark)?.[index].kind === 'ok');
  const settle = (mark: DecimalSeparator): MoneyColumn => ({
    results: readings.get(mark) ?? auto,
    decimal: mark,
  });

  const decided = indexesWhere(auto, (result, index) => {
    return result.kind === 'ok' && /[.,]/.test(raws[index]);
  });
  const consistent = SEPARATORS.filter((mark) => decided.every((index) => agrees(mark, index)));
  if (consistent.length === 1) return settle(consistent[0]);

  const undecided = indexesWhere(auto, (result) => result.kind === 'ambiguous');
  if (consistent.length === 2) {
    if (undecided.length === 0) return { results: auto };
    const viable = SEPARATORS.filter((mark) => readsAll(mark, undecided));
    // Only a currency without minor units settles this alone (`1,234` in JPY is grouping). In
    // EUR, `4.505` read as grouping would silently book 4,505.00 where a file with 3-decimal
    // amounts meant 4.505, the misread users report most: the user is asked instead.
    if (viable.length === 1 && options.exponent === 0) return settle(viable[0]);
    return { results: auto, ambiguous: SEPARATORS };
  }

  // The values disagree with each other (`1.234,56` next to `1,234.56`): the mark most values
  // use wins and the others become errors naming themselves; a tie is left to the user.
  const failures = SEPARATORS.map(
    (mark) => readings.get(mark)?.filter((result) => result.kind !== 'ok').length ?? 0,
  );
  if (failures[0] === failures[1]) return { results: auto, ambiguous: SEPARATORS };
  return settle(failures[0] < failures[1] ? '.' : ',');
}

function indexesWhere(
  results: readonly MoneyResult[],
  test: (result: MoneyResult, index: number) => boolean,
): number[] {
  const indexes: number[] = [];
  results.forEach((result, index) => {
    if (test(result, index)) indexes.push(index);
  });
  return indexes;
}
