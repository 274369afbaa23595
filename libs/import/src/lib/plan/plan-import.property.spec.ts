import { importedTransactionId } from '../ids/imported-transaction-id';
/**
 * Properties of planning an import, over random statements and households:
 * (a) applying a plan and planning the same file again writes nothing (re-importing adds nothing);
 * (b) two devices planning one file against the same rows, held in any order, write the same;
 * (c) a transfer imported from both of its accounts ends as one transfer.
 */
import fc from 'fast-check';
import type { FinanceMutation } from '@finwise/finance';
import type { ExistingTransaction } from '../dedup/existing-transaction';
import type { StatementLine } from '../model/statement';
import {
  CHECKING,
  SAVINGS,
  applyMutations,
  context,
  statement,
} from '../../testing/dedup-fixtures';
import { planImport, type ImportContext } from './plan-import';

const DAYS = Array.from({ length: 20 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
const AMOUNTS = [-1250, -500, 0, 5000];
const PAYEES = [undefined, 'REWE', ' rewe ', 'Salary', 'Shop'];
const PAYEE_ROWS = [
  { id: 'p-rewe', name: 'Rewe' },
  { id: 'p-shop-old', name: 'Shop', mergedIntoId: 'p-store' },
  { id: 'p-store', name: 'Store' },
];

const date = fc.constantFrom(...DAYS);
const amount = fc.constantFrom(...AMOUNTS);

const statementLine = fc.record(
  {
    date,
    amountMinor: amount,
    payee: fc.constantFrom(...PAYEES),
    notes: fc.constantFrom(undefined, 'memo'),
    bankId: fc.constantFrom(undefined, undefined, 'FIT-A', 'FIT-B', 'FIT-C'),
    cleared: fc.constantFrom(undefined, true, false),
    categoryName: fc.constantFrom(undefined, 'Food', 'Unknown'),
    transferAccountName: fc.constantFrom(undefined, undefined, 'Savings'),
    splits: fc.option(
      fc.array(
        fc.record({ amountMinor: amount, categoryName: fc.constantFrom(undefined, 'Food') }),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
      { nil: undefined },
    ),
    error: fc.constantFrom(undefined, undefined, undefined, 'unreadable amount'),
  },
  { requiredKeys: ['date', 'amountMinor'] },
);

const lines = fc
  .array(statementLine, { maxLength: 12 })
  .map((records) =>
    records.map((record, index): StatementLine => ({ ...record, line: index + 2 })),
  );

const existingRow = fc.record({
  kind: fc.constantFrom('manual', 'imported', 'far-side', 'child', 'deleted'),
  date,
  amountMinor: amount,
  payeeId: fc.constantFrom(null, 'p-rewe', 'p-shop-old', 'p-store'),
  reconciled: fc.boolean(),
  transferReconciled: fc.boolean(),
  importedId: fc.constantFrom('FIT-A', 'FIT-B', 'other'),
});

const existingRows = fc.array(existingRow, { maxLength: 10 }).map((records) =>
  records.map((record, index): ExistingTransaction => {
    const base = {
      id: `row-${String(index).padStart(2, '0')}`,
      accountId: CHECKING,
      date: record.date,
      amountMinor: record.amountMinor,
      payeeId: record.payeeId,
      cleared: false,
      reconciled: record.reconciled,
    };
    switch (record.kind) {
      case 'manual':
        return base;
      case 'imported':
        return { ...base, importedId: record.importedId };
      case 'far-side':
        return {
          ...base,
          accountId: SAVINGS,
          transferAccountId: CHECKING,
          transferReconciled: record.transferReconciled,
        };
      case 'child':
        return { ...base, parentId: 'row-00' };
      case 'deleted':
        return { ...base, deletedAt: '2026-03-01T00:00:00.000Z' };
    }
    throw new Error(`unknown kind ${record.kind}`);
  }),
);

function household(transactions: readonly ExistingTransaction[]): ImportContext {
  return context({
    transactions,
    payees: PAYEE_ROWS,
    categories: [{ id: 'c-food', name: 'Food', groupName: 'Everyday' }],
  });
}

const ids = (mutations: readonly FinanceMutation[]) => mutations.map((m) => m.data.id);

describe('planImport properties', () => {
  it('(a) planning a file again after applying its plan writes nothing', () => {
    fc.assert(
      fc.property(lines, existingRows, (fileLines, rows) => {
        const file = statement(fileLines.map((line) => ({ ...line, error: undefined })));
        const first = planImport(file, household(rows));
        // One existing row is written once, and a create never lands on a stored row.
        expect(new Set(ids(first.mutations)).size).toBe(first.mutations.length);
        const stored = new Set(rows.map((row) => row.id));
        for (const mutation of first.mutations) {
          expect(stored.has(mutation.data.id)).toBe(mutation.operation === 'update');
        }

        const again = planImport(file, household(applyMutations(rows, first.mutations)));
        expect(again.mutations).toEqual([]);
        expect(again.payeeSeeds).toEqual([]);
        expect(again.summary.new + again.summary.match).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('(b) two devices holding the rows in different orders plan the same', () => {
    const permuted = <T>(list: readonly T[]) =>
      fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });
    const rowsInTwoOrders = existingRows.chain((rows) =>
      fc.tuple(fc.constant(rows), permuted(rows)),
    );
    fc.assert(
      fc.property(
        lines,
        rowsInTwoOrders,
        permuted(PAYEE_ROWS),
        fc.array(fc.integer({ min: 1, max: 14 }), { maxLength: 4 }),
        ([...fileLines], [rows, reordered], payees, excluded) => {
          const file = statement(fileLines);
          const here = household(rows);
          const there: ImportContext = {
            ...here,
            transactions: reordered,
            payees,
            accounts: [...here.accounts].reverse(),
          };
          const options = { excludeLines: excluded };
          expect(planImport(file, there, options)).toEqual(planImport(file, here, options));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('(c) a transfer imported from both accounts, in either order, ends as one transfer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        date,
        fc.integer({ min: -7, max: 7 }),
        fc.boolean(),
        fc.constantFrom(undefined, 'FIT-9'),
        (moved, checkingDay, shift, savingsFirst, bankId) => {
          const savingsDay = DAYS[Math.min(19, Math.max(0, DAYS.indexOf(checkingDay) + shift))];
          const savingsFile = statement(
            [{ line: 1, date: savingsDay, amountMinor: moved, transferAccountName: 'Checking' }],
            'qif',
          );
          const checkingFile = statement([
            {
              line: 1,
              date: checkingDay,
              amountMinor: -moved,
              transferAccountName: 'Savings',
              bankId,
            },
          ]);
          const importInto = (
            accountId: string,
            file: typeof savingsFile,
            rows: ExistingTransaction[],
          ) => {
            const plan = planImport(file, { ...household(rows), accountId });
            return { plan, rows: applyMutations(rows, plan.mutations) };
          };

          let rows: ExistingTransaction[] = [];
          const order: [string, typeof savingsFile][] = savingsFirst
            ? [
                [SAVINGS, savingsFile],
                [CHECKING, checkingFile],
              ]
            : [
                [CHECKING, checkingFile],
                [SAVINGS, savingsFile],
              ];
          const [first, second] = order.map(([accountId, file]) => {
            const result = importInto(accountId, file, rows);
            rows = result.rows;
            return result.plan;
          });

          expect(first.created).toBe(1);
          expect(second.created).toBe(0);
          expect(second.mutations).toEqual([
            {
              modelName: 'transactions',
              operation: 'update',
              data: {
                id: first.ids[0],
                transferImportedId: second.rows[0].importedId,
                transferCleared: true,
              },
            },
            {
              modelName: 'transactions',
              operation: 'delete',
              data: { id: importedTransactionId(order[1][0], second.rows[0].importedId as string) },
            },
          ]);
          // One transfer, and the tombstone that keeps the claimed line from coming back.
          expect(rows.filter((row) => !row.deletedAt)).toHaveLength(1);
          for (const [accountId, file] of order) {
            expect(planImport(file, { ...household(rows), accountId }).mutations).toEqual([]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
