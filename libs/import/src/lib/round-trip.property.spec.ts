import { payeeIdFor } from '@finwise/domain';
import fc from 'fast-check';
import { transactionsCsv, type ExportTransaction } from './export/transactions-csv';
import { planImport } from './plan/plan-import';
import { readStatement } from './read-statement';
import { applyMutations } from '../testing/dedup-fixtures';
import type { ExistingTransaction } from './dedup/existing-transaction';

const SOURCE = '6f7c1a52-0c55-4e8e-9a1f-000000000001';
const TARGET = '6f7c1a52-0c55-4e8e-9a1f-000000000002';
const SAVINGS = '6f7c1a52-0c55-4e8e-9a1f-000000000003';
const CATEGORIES = [
  { id: '6f7c1a52-0c55-4e8e-9a1f-00000000c001', name: 'Groceries', groupName: 'Everyday' },
  { id: '6f7c1a52-0c55-4e8e-9a1f-00000000c002', name: 'Rent, flat', groupName: 'Bills' },
  { id: '6f7c1a52-0c55-4e8e-9a1f-00000000c003', name: 'Salary', groupName: 'Income' },
];
const PAYEE_NAMES = ['Bäckerei Schmidt', 'Müller & Co., "Berlin"', 'ACME Corp', 'Stadtwerke'];
const PAYEES = PAYEE_NAMES.map((name) => ({ id: payeeIdFor(name), name, mergedIntoId: null }));

/** Text with what CSV must survive: delimiters, quotes and line breaks (never edge spaces). */
const note = fc
  .array(fc.constantFrom('a', 'Z', 'ß', '€', ' ', ',', ';', '"', '\n', '\r\n', '1'), {
    minLength: 1,
    maxLength: 12,
  })
  .map((chars) => chars.join('').trim())
  .filter((text) => text.length > 0);

const date = fc
  .record({
    y: fc.integer({ min: 2019, max: 2026 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const amount = fc.integer({ min: -5_000_000, max: 5_000_000 }).filter((n) => n !== 0);

interface Shape {
  date: string;
  amountMinor: number;
  payee: number | null;
  notes: string | null;
  category: number | null;
  cleared: boolean;
  reconciled: boolean;
  transfer: boolean;
  splits: readonly { amountMinor: number; category: number | null; notes: string | null }[];
}

const shape: fc.Arbitrary<Shape> = fc.record({
  date,
  amountMinor: amount,
  payee: fc.option(fc.integer({ min: 0, max: PAYEES.length - 1 })),
  notes: fc.option(note),
  category: fc.option(fc.integer({ min: 0, max: CATEGORIES.length - 1 })),
  cleared: fc.boolean(),
  reconciled: fc.boolean(),
  transfer: fc.boolean(),
  splits: fc.oneof(
    fc.constant([]),
    fc.array(
      fc.record({
        amountMinor: amount,
        category: fc.option(fc.integer({ min: 0, max: CATEGORIES.length - 1 })),
        notes: fc.option(note),
      }),
      { minLength: 2, maxLength: 3 },
    ),
  ),
});

/** The rows of SOURCE a shape list stands for: plain rows, transfers and split records. */
function rowsOf(shapes: readonly Shape[]): ExportTransaction[] {
  return shapes.flatMap((s, i) => {
    const id = `6f7c1a52-0c55-4e8e-9a1f-${String(100_000 + i).padStart(12, '0')}`;
    const split = s.splits.length > 0;
    const parent: ExportTransaction = {
      id,
      accountId: SOURCE,
      date: s.date,
      // A split parent holds the bank total: the sum of its lines.
      amountMinor: split ? s.splits.reduce((n, l) => n + l.amountMinor, 0) || 1 : s.amountMinor,
      payeeId: s.payee === null ? null : PAYEES[s.payee].id,
      notes: s.notes,
      categoryId: split || s.transfer || s.category === null ? null : CATEGORIES[s.category].id,
      cleared: s.cleared || s.reconciled,
      reconciled: s.reconciled,
      transferAccountId: !split && s.transfer ? SAVINGS : null,
      parentId: null,
    };
    const children = s.splits.map((l, k) => ({
      id: `6f7c1a52-0c55-4e8e-9a1f-${String(200_000 + i * 10 + k).padStart(12, '0')}`,
      // Split lines carry their parent's account and date (the schema requires them).
      accountId: SOURCE,
      date: s.date,
      amountMinor: l.amountMinor,
      categoryId: l.category === null ? null : CATEGORIES[l.category].id,
      notes: l.notes,
      cleared: false,
      reconciled: false,
      parentId: id,
    }));
    if (split && parent.amountMinor !== s.splits.reduce((n, l) => n + l.amountMinor, 0)) {
      // The lines cancelled out: keep the record honest with one more line.
      children.push({
        ...children[0],
        id: `${children[0].id.slice(0, -1)}9`,
        amountMinor: 1,
        categoryId: null,
        notes: null,
      });
    }
    return [parent, ...children];
  });
}

/** What a row means to its owner, whatever its id or where it came from. */
function meaning(rows: readonly ExistingTransaction[], accountId: string) {
  const live = rows.filter((r) => !r.deletedAt);
  const linesOf = (parentId: string) =>
    live
      .filter((r) => r.parentId === parentId)
      .map((r) => [r.amountMinor, r.categoryId ?? null, r.notes ?? null].join('|'))
      .sort();
  return live
    .filter((r) => r.accountId === accountId && !r.parentId)
    .map((r) =>
      JSON.stringify({
        date: r.date,
        amountMinor: r.amountMinor,
        payeeId: r.payeeId ?? null,
        notes: r.notes ?? null,
        categoryId: r.categoryId ?? null,
        cleared: Boolean(r.cleared),
        transferAccountId: r.transferAccountId ?? null,
        lines: linesOf(r.id),
      }),
    )
    .sort();
}

const accounts = (currency: string) => [
  { id: SOURCE, name: 'Girokonto', currency, onBudget: true },
  { id: TARGET, name: 'Girokonto (restored)', currency, onBudget: true },
  { id: SAVINGS, name: 'Savings, joint', currency, onBudget: true },
];

describe('export → import round trip', () => {
  it('reproduces every row of an account in an empty one, and a second import adds nothing', () => {
    fc.assert(
      fc.property(
        fc.array(shape, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('EUR', 'JPY', 'KWD'),
        (shapes, currency) => {
          const original = rowsOf(shapes);
          const csv = transactionsCsv({
            transactions: original,
            accounts: accounts(currency),
            categories: CATEGORIES,
            payees: PAYEES,
            accountId: SOURCE,
          });
          const bytes = new TextEncoder().encode(csv);
          const statement = readStatement(bytes, 'girokonto.csv', {}, currency);
          const context = (transactions: readonly ExistingTransaction[]) => ({
            accountId: TARGET,
            currency,
            transactions,
            payees: PAYEES,
            categories: CATEGORIES,
            accounts: accounts(currency),
          });

          const first = planImport(statement, context([]));
          expect(first.blockingLines).toEqual([]);
          expect(first.payeeSeeds).toEqual([]);
          const imported = applyMutations([], first.mutations);
          const asSource = imported.map((r) =>
            r.accountId === TARGET ? { ...r, accountId: SOURCE } : r,
          );
          expect(meaning(asSource, SOURCE)).toEqual(meaning(original, SOURCE));

          const again = planImport(statement, context(imported));
          expect(again.mutations).toEqual([]);
          expect(again.summary.new).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
