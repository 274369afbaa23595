import fc from 'fast-check';
import { CHECKING, SAVINGS, context, statement } from '../../testing/dedup-fixtures';
import { importedRowIds } from '../ids/imported-row-ids';
import { importedTransactionId } from '../ids/imported-transaction-id';
import { syntheticImportedIds } from '../ids/synthetic-imported-ids';
import type { StatementLine } from '../model/statement';
import { planImport } from '../plan/plan-import';
import { importContextScope, inImportContextScope } from './context-scope';
import type { ExistingTransaction } from './existing-transaction';

const day = (month: number, dayOfMonth: number) =>
  `2026-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;

describe('importContextScope', () => {
  it('names the rows the lines would land on, their bank ids and the days around them', () => {
    const lines: StatementLine[] = [
      { line: 2, date: '2026-03-03', amountMinor: -100, bankId: 'FIT-1' },
      { line: 3, error: 'no amount', date: '2026-01-01' },
      { line: 4, date: '2026-02-27', amountMinor: -200, payee: 'Shop' },
      { line: 5, date: '2026-03-03', amountMinor: -100, bankId: 'FIT-1' },
    ];
    const scope = importContextScope(CHECKING, lines);
    const importedIds = syntheticImportedIds(CHECKING, lines);
    expect(scope.importedIds).toEqual([importedIds[0], importedIds[2]]);
    expect(scope.rowIds).toEqual([...new Set(importedRowIds(CHECKING, lines))]);
    // Seven days either side, across month ends; the unreadable line's date does not count.
    expect(scope.dates).toEqual({ from: '2026-02-20', to: '2026-03-10' });
  });

  it('takes in split lines transferring into the account, and their parents, whatever the day', () => {
    const lines: StatementLine[] = [{ line: 2, date: '2026-03-10', amountMinor: -100 }];
    const base = { cleared: false, reconciled: false, amountMinor: 100 };
    const parent: ExistingTransaction = {
      ...base,
      id: 'parent',
      accountId: SAVINGS,
      date: '2026-03-09',
    };
    const leg: ExistingTransaction = {
      ...base,
      id: 'leg',
      accountId: SAVINGS,
      date: '2024-01-01',
      parentId: 'parent',
      transferAccountId: CHECKING,
    };
    const household = [parent, leg];
    const inScope = inImportContextScope(importContextScope(CHECKING, lines), CHECKING, household);
    expect(household.filter(inScope)).toEqual(household);
    const deletedLeg = { ...leg, deletedAt: '2026-03-12T00:00:00.000Z' };
    const without = inImportContextScope(importContextScope(CHECKING, lines), CHECKING, [
      parent,
      deletedLeg,
    ]);
    expect([parent, deletedLeg].filter(without)).toEqual([]);
  });

  it('has no days when no line is readable', () => {
    const scope = importContextScope(CHECKING, [{ line: 2, error: 'no date' }]);
    expect(scope).toEqual({ rowIds: [], importedIds: [], dates: null });
  });

  it('takes in rows by id, by bank id on either side, and live rows of the account by day', () => {
    const lines: StatementLine[] = [
      { line: 2, date: '2026-03-10', amountMinor: -100, bankId: 'FIT-1' },
    ];
    const scope = importContextScope(CHECKING, lines);
    const inScope = inImportContextScope(scope, CHECKING);
    const row = (overrides: Partial<ExistingTransaction>): ExistingTransaction => ({
      id: 'row',
      accountId: CHECKING,
      date: '2026-03-17',
      amountMinor: -100,
      cleared: false,
      reconciled: false,
      ...overrides,
    });
    expect(inScope(row({}))).toBe(true);
    expect(inScope(row({ date: '2026-03-18' }))).toBe(false);
    expect(inScope(row({ date: '2026-03-03', deletedAt: '2026-03-20T00:00:00.000Z' }))).toBe(false);
    expect(inScope(row({ date: '2025-01-01', importedId: 'FIT-1' }))).toBe(true);
    expect(inScope(row({ id: scope.rowIds[0], accountId: null, date: null }))).toBe(true);
    expect(inScope(row({ accountId: SAVINGS }))).toBe(false);
    expect(inScope(row({ accountId: SAVINGS, transferAccountId: CHECKING }))).toBe(true);
    expect(
      inScope(
        row({
          accountId: SAVINGS,
          transferAccountId: CHECKING,
          date: '2025-01-01',
          transferImportedId: 'FIT-1',
        }),
      ),
    ).toBe(true);
  });
});

/*
 * The property that makes the scope safe to read instead of the account: over random statements
 * and households whose rows lie near the statement's days and far from them, planning with only
 * the rows in scope gives the plan that every row gives.
 */
const LINE_DAYS = Array.from({ length: 10 }, (_, i) => day(3, 10 + i));
// Mostly days at and around the window's edges (7 days before the first line, after the last).
const ROW_DAYS = [
  day(1, 2),
  day(2, 28),
  ...Array.from({ length: 31 }, (_, i) => day(3, 1 + i)),
  day(6, 30),
];
const AMOUNTS = [-1250, -500, 5000];
const BANK_IDS = [undefined, undefined, 'FIT-A', 'FIT-B', 'FIT-C'];

const lines = fc
  .array(
    fc.record(
      {
        date: fc.constantFrom(...LINE_DAYS),
        amountMinor: fc.constantFrom(...AMOUNTS),
        payee: fc.constantFrom(undefined, 'Rewe', 'Shop'),
        bankId: fc.constantFrom(...BANK_IDS),
        error: fc.constantFrom(undefined, undefined, undefined, 'unreadable amount'),
      },
      { requiredKeys: ['date', 'amountMinor'] },
    ),
    { maxLength: 10 },
  )
  .map((records) =>
    records.map((record, index): StatementLine => ({ ...record, line: index + 2 })),
  );

const rows = (fileLines: readonly StatementLine[]) =>
  fc
    .array(
      fc.record({
        kind: fc.constantFrom(
          'manual',
          'imported',
          'far-side',
          'child',
          'other',
          'landed',
          'far-leg',
        ),
        date: fc.constantFrom(...ROW_DAYS),
        amountMinor: fc.constantFrom(...AMOUNTS),
        payeeId: fc.constantFrom(null, 'p-rewe'),
        reconciled: fc.boolean(),
        deleted: fc.constantFrom(false, false, false, true),
        bankId: fc.constantFrom('FIT-A', 'FIT-B', 'other'),
        claimed: fc.boolean(),
        line: fc.nat({ max: 9 }),
      }),
      { maxLength: 14 },
    )
    .map((records) => {
      const lineIds = syntheticImportedIds(CHECKING, fileLines).filter((id) => id !== undefined);
      return records.map((record, index): ExistingTransaction => {
        const base = {
          id: `row-${String(index).padStart(2, '0')}`,
          accountId: CHECKING,
          date: record.date,
          amountMinor: record.amountMinor,
          payeeId: record.payeeId,
          cleared: false,
          reconciled: record.reconciled,
          deletedAt: record.deleted ? '2026-04-01T00:00:00.000Z' : null,
        };
        switch (record.kind) {
          case 'manual':
            return base;
          case 'imported':
            return { ...base, importedId: record.bankId };
          case 'far-side':
            return {
              ...base,
              accountId: SAVINGS,
              transferAccountId: CHECKING,
              transferImportedId: record.claimed ? record.bankId : null,
            };
          case 'child':
            return { ...base, parentId: 'row-00' };
          case 'other':
            return { ...base, accountId: SAVINGS };
          case 'far-leg':
            // A split line of another account transferring in: dated by its parent, row-01.
            return {
              ...base,
              accountId: SAVINGS,
              date: '2020-01-01',
              parentId: 'row-01',
              transferAccountId: CHECKING,
              transferImportedId: record.claimed ? record.bankId : null,
            };
          default: {
            // A row a line landed on earlier (by its deterministic id), wherever it is now.
            const importedId = lineIds[record.line % Math.max(1, lineIds.length)] ?? 'FIT-A';
            return { ...base, id: importedTransactionId(CHECKING, importedId), importedId };
          }
        }
      });
    });

describe('importContextScope property', () => {
  it('planning with the rows in scope gives the plan of every row', () => {
    fc.assert(
      fc.property(
        lines.chain((fileLines) => fc.tuple(fc.constant(fileLines), rows(fileLines))),
        ([fileLines, household]) => {
          const file = statement(fileLines);
          const inScope = inImportContextScope(
            importContextScope(CHECKING, fileLines),
            CHECKING,
            household,
          );
          const plan = (transactions: readonly ExistingTransaction[]) =>
            planImport(file, context({ transactions, payees: [{ id: 'p-rewe', name: 'Rewe' }] }));
          expect(plan(household.filter(inScope))).toEqual(plan(household));
        },
      ),
      { numRuns: 500 },
    );
  });
});
