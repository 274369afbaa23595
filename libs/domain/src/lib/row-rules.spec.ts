import { randomUUID } from 'node:crypto';
import { sampleData } from '../testing/sample-data';
import { budgetMonthId, settingsId } from './deterministic-ids';
import { budgetMonths } from './entities/budget-months';
import { budgetMoves } from './entities/budget-moves';
import { payees } from './entities/payees';
import { categories } from './entities/categories';
import { reconciliations } from './entities/reconciliations';
import { settings } from './entities/settings';
import { transactions } from './entities/transactions';
import { validateMutationData } from './mutation-validation';
import { brokenRowRules, judgeRowWrite } from './row-rules';

const ACCOUNT = randomUUID();
const plain = {
  id: randomUUID(),
  accountId: ACCOUNT,
  date: '2026-11-25',
  amountMinor: -1250,
  cleared: false,
  reconciled: false,
};
const verdict = (result: ReturnType<typeof validateMutationData>) =>
  result.ok ? 'ok' : result.message;

describe('whole-row rules of the ledger (FINANCE §2)', () => {
  it.each([
    [
      'a transfer to the same account',
      { transferAccountId: ACCOUNT },
      'data.transferAccountId must differ from accountId (a transfer to the same account)',
    ],
    [
      'transferCleared without a transfer',
      { transferCleared: true },
      'data.transferCleared may only be set on a transfer (a row with transferAccountId): whether the other side is cleared',
    ],
    [
      'transferReconciled without a transfer',
      { transferReconciled: true },
      'data.transferReconciled may only be set on a transfer (a row with transferAccountId): whether the other side is reconciled',
    ],
    [
      'transferAmountMinor without a transfer',
      { transferAmountMinor: 1250 },
      'data.transferAmountMinor may only be set on a transfer (a row with transferAccountId): the amount the other account books',
    ],
    [
      'transferImportedId without a transfer',
      { transferImportedId: 'X1' },
      "data.transferImportedId may only be set on a transfer (a row with transferAccountId): the other side's bank id",
    ],
    [
      'a row that is its own split parent',
      { parentId: plain.id },
      'data.parentId must name another transaction (a row cannot be its own split parent)',
    ],
  ])('refuses %s', (_label, fields, message) => {
    expect(verdict(validateMutationData(transactions, 'create', { ...plain, ...fields }))).toBe(
      message,
    );
  });

  it('lets false and null transfer flags pass on any row, and every flag on a transfer', () => {
    const flagsOff = {
      transferCleared: false,
      transferReconciled: null,
      transferAmountMinor: null,
    };
    expect(verdict(validateMutationData(transactions, 'create', { ...plain, ...flagsOff }))).toBe(
      'ok',
    );
    const transfer = {
      ...plain,
      transferAccountId: randomUUID(),
      transferAmountMinor: 1350,
      transferCleared: true,
      transferReconciled: true,
      transferImportedId: 'X1',
    };
    expect(verdict(validateMutationData(transactions, 'create', transfer))).toBe('ok');
  });

  it('checks a patch on the row it makes: a flag set on a row that is no transfer', () => {
    // The patch alone is valid; the merged row is not.
    expect(
      verdict(
        validateMutationData(transactions, 'update', { id: plain.id, transferCleared: true }),
      ),
    ).toBe('ok');
    const merged = { ...plain, transferCleared: true, deletedAt: null };
    expect(brokenRowRules(transactions.rowRules, merged).map((issue) => issue.path)).toEqual([
      'data.transferCleared',
    ]);
  });
});

describe('budget moves, months, settings and reconciliations (FINANCE §1)', () => {
  it('refuses a move of nothing, or one with the same category on both sides', () => {
    const move = sampleData(budgetMoves, 1);
    expect(verdict(validateMutationData(budgetMoves, 'create', { ...move, amountMinor: 0 }))).toBe(
      'data.amountMinor must be more than 0 (a move goes from one side to the other)',
    );
    const category = randomUUID();
    expect(
      verdict(
        validateMutationData(budgetMoves, 'create', {
          ...move,
          fromCategoryId: category,
          toCategoryId: category,
        }),
      ),
    ).toBe('data.toCategoryId must differ from fromCategoryId (a move needs two different sides)');
    expect(
      verdict(
        validateMutationData(budgetMoves, 'create', {
          ...move,
          fromCategoryId: null,
          toCategoryId: null,
        }),
      ),
    ).toContain('data.toCategoryId must differ');
  });

  it.each([budgetMoves, reconciliations])('keeps $modelName rows as first written', (entity) => {
    const row: Record<string, unknown> = { ...sampleData(entity, 2), deletedAt: null };
    const field = entity.fieldNames.find((name) => typeof row[name] === 'number') as string;
    expect(judgeRowWrite(entity, row, { ...row })).toEqual({ verdict: 'unchanged' });
    expect(judgeRowWrite(entity, row, { ...row, [field]: (row[field] as number) + 1 })).toEqual({
      verdict: 'refuse',
      issues: [
        {
          path: 'data',
          message: `${entity.modelName} rows never change once written: create a new one instead`,
        },
      ],
    });
    expect(judgeRowWrite(entity, row, { ...row, deletedAt: '2026-12-01' })).toEqual({
      verdict: 'write',
    });
    expect(judgeRowWrite(entity, undefined, row)).toEqual({ verdict: 'write' });
  });

  it('refuses a payee merged into itself', () => {
    const row = sampleData(payees, 4);
    expect(verdict(validateMutationData(payees, 'create', { ...row, mergedIntoId: row.id }))).toBe(
      'data.mergedIntoId must name another payee (a payee cannot be merged into itself)',
    );
  });

  it('gives a month its one row and never a negative hold', () => {
    const month = { id: budgetMonthId('2026-03'), month: '2026-03', heldMinor: 5000 };
    expect(verdict(validateMutationData(budgetMonths, 'create', month))).toBe('ok');
    expect(
      verdict(validateMutationData(budgetMonths, 'create', { ...month, id: randomUUID() })),
    ).toContain('data.id must be the UUIDv5 of "month:<month>"');
    expect(verdict(validateMutationData(budgetMonths, 'create', { ...month, heldMinor: -1 }))).toBe(
      'data.heldMinor must not be negative (release sets it to 0)',
    );
  });

  it('gives a household one settings row, whatever a write changes', () => {
    const row = { id: settingsId(), budgetCurrency: 'USD' };
    expect(verdict(validateMutationData(settings, 'create', row))).toBe('ok');
    expect(
      verdict(validateMutationData(settings, 'update', { id: settingsId(), locale: 'de-DE' })),
    ).toBe('ok');
    const other = { ...row, id: randomUUID() };
    expect(verdict(validateMutationData(settings, 'create', other))).toContain(
      'data.id must be the UUIDv5 of "settings"',
    );
    expect(
      verdict(validateMutationData(settings, 'update', { id: other.id, locale: 'de' })),
    ).toContain('data.id must be the UUIDv5 of "settings"');
    expect(verdict(validateMutationData(settings, 'delete', { id: settingsId() }))).toBe(
      'operation settings cannot be deleted',
    );
  });

  it('creates a category with carry-over off unless it says otherwise, and never resets it on update', () => {
    const { carryOverspending: _left, ...row } = sampleData(categories, 1);
    const created = validateMutationData(categories, 'create', row);
    expect(created.ok && created.data['carryOverspending']).toBe(false);
    const patched = validateMutationData(categories, 'update', { id: row.id, name: 'Fun' });
    expect(patched.ok && 'carryOverspending' in patched.data).toBe(false);
  });
});
