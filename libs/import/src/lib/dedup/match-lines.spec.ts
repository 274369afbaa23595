import { CHECKING, SAVINGS, context, existing } from '../../testing/dedup-fixtures';
import { importedTransactionId } from '../ids/imported-transaction-id';
import { syntheticImportedIds } from '../ids/synthetic-imported-ids';
import type { StatementLine } from '../model/statement';
import type { ExistingTransaction } from './existing-transaction';
import { matchLines, type LineOutcome } from './match-lines';

function match(
  lines: StatementLine[],
  transactions: ExistingTransaction[],
  excluded: number[] = [],
  linePayeeIds: (string | undefined)[] = [],
): LineOutcome[] {
  return matchLines({
    accountId: CHECKING,
    currency: 'EUR',
    lines,
    importedIds: syntheticImportedIds(CHECKING, lines),
    linePayeeIds,
    transactions,
    accounts: context().accounts,
    payeeOf: (row) => row.payeeId ?? undefined,
    excluded: new Set(excluded),
  });
}

const line = (overrides: Partial<StatementLine> & { line: number }): StatementLine => ({
  date: '2026-03-10',
  amountMinor: -1250,
  ...overrides,
});

const summary = (outcomes: LineOutcome[]) =>
  outcomes.map((o) =>
    o.status === 'match'
      ? `match ${o.candidate.row.id}`
      : 'matchedId' in o
        ? `${o.status} ${o.matchedId}`
        : o.status,
  );

describe('matchLines', () => {
  it('makes later copies of a bank id inside one file duplicates of the first (D3)', () => {
    const outcomes = match(
      [line({ line: 1, bankId: 'FIT-1' }), line({ line: 2, bankId: 'FIT-1', amountMinor: -1 })],
      [],
    );
    expect(summary(outcomes)).toEqual([
      'new',
      `duplicate ${importedTransactionId(CHECKING, 'FIT-1')}`,
    ]);
  });

  it('points a repeated bank id at the row its first copy matched', () => {
    const outcomes = match(
      [line({ line: 1, bankId: 'FIT-1' }), line({ line: 2, bankId: 'FIT-1' })],
      [existing({ id: 'manual' })],
    );
    expect(summary(outcomes)).toEqual(['match manual', 'duplicate manual']);
  });

  it('calls a line whose row exists a duplicate, a deleted one too (D5)', () => {
    const deletedId = importedTransactionId(CHECKING, 'FIT-2');
    const rows = [
      existing({ id: importedTransactionId(CHECKING, 'FIT-1'), importedId: 'FIT-1' }),
      existing({ id: deletedId, importedId: 'FIT-2', deletedAt: '2026-03-11T00:00:00.000Z' }),
      existing({ id: 'manual' }),
    ];
    const outcomes = match(
      [line({ line: 1, bankId: 'FIT-1' }), line({ line: 2, bankId: 'FIT-2' })],
      rows,
    );
    expect(summary(outcomes)).toEqual([
      `duplicate ${importedTransactionId(CHECKING, 'FIT-1')}`,
      `duplicate ${deletedId}`,
    ]);
  });

  it('locks a line whose match is reconciled, on its own side or as a transfer leg', () => {
    const rows = [
      existing({ id: 'reconciled', reconciled: true }),
      existing({
        id: 'leg',
        accountId: SAVINGS,
        amountMinor: 700,
        transferAccountId: CHECKING,
        transferReconciled: true,
      }),
    ];
    const outcomes = match([line({ line: 1 }), line({ line: 2, amountMinor: -700 })], rows);
    expect(summary(outcomes)).toEqual(['locked reconciled', 'locked leg']);
  });

  it('claims an unclaimed transfer leg and leaves a claimed one to the exact match', () => {
    const rows = [
      existing({ id: 'leg', accountId: SAVINGS, amountMinor: 700, transferAccountId: CHECKING }),
      existing({
        id: 'claimed',
        accountId: SAVINGS,
        amountMinor: 700,
        date: '2026-03-01',
        transferAccountId: CHECKING,
        transferImportedId: 'FIT-9',
      }),
    ];
    const outcomes = match(
      [line({ line: 1, amountMinor: -700 }), line({ line: 2, amountMinor: -700, bankId: 'FIT-9' })],
      rows,
    );
    expect(summary(outcomes)).toEqual(['match leg', 'duplicate claimed']);
  });

  it('keeps a line with an error an error, whatever it would match', () => {
    const outcomes = match(
      [
        line({ line: 1, error: 'Line 1: amount "12,5,0" is not a number' }),
        line({ line: 2, date: undefined }),
      ],
      [existing({ id: 'manual' })],
    );
    expect(outcomes).toEqual([
      { status: 'error', error: 'Line 1: amount "12,5,0" is not a number' },
      { status: 'error', error: 'no date' },
    ]);
  });

  it('matches the imported lines before the excluded ones, which claim nothing from them', () => {
    const rows = [existing({ id: 'manual', payeeId: 'shop' })];
    const lines = [
      line({ line: 1, bankId: 'FIT-1' }),
      line({ line: 2, bankId: 'FIT-1', payee: 'Shop' }),
    ];
    // Line 1 is left out: line 2 becomes the first copy of FIT-1 and takes the manual row.
    expect(summary(match(lines, rows, [0], [undefined, 'shop']))).toEqual([
      'duplicate manual',
      'match manual',
    ]);
    expect(summary(match(lines, rows, [], [undefined, 'shop']))).toEqual([
      'match manual',
      'duplicate manual',
    ]);
  });
});
