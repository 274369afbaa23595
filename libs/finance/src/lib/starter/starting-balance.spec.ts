import { payeeIdFor } from '../payees/payee-id';
import { startingBalancesCategory } from './starter-categories';
import { startingBalancePlan, type StartingBalanceInput } from './starting-balance';

const input = (overrides: Partial<StartingBalanceInput> = {}): StartingBalanceInput => ({
  id: '0a1b2c3d-0000-4000-8000-000000000001',
  accountId: '0a1b2c3d-0000-4000-8000-0000000000aa',
  accountType: 'checking',
  onBudget: true,
  enteredMinor: 125_000,
  date: '2026-12-07',
  ...overrides,
});

describe('startingBalancePlan', () => {
  it('books an on-budget balance as cleared income in "Starting balances" from the "Starting balance" payee', () => {
    const plan = startingBalancePlan(input());
    expect(plan).toEqual({
      payee: { id: payeeIdFor('Starting balance'), name: 'Starting balance', favorite: false },
      category: startingBalancesCategory(),
      transaction: {
        id: '0a1b2c3d-0000-4000-8000-000000000001',
        accountId: '0a1b2c3d-0000-4000-8000-0000000000aa',
        date: '2026-12-07',
        amountMinor: 125_000,
        payeeId: payeeIdFor('starting balance'),
        categoryId: startingBalancesCategory().id,
        cleared: true,
        reconciled: false,
      },
    });
    expect(startingBalancesCategory().isIncome).toBe(true);
  });

  it('gives an off-budget balance no category', () => {
    const plan = startingBalancePlan(input({ onBudget: false, accountType: 'investment' }));
    expect(plan?.category).toBeNull();
    expect(plan?.transaction).toMatchObject({
      categoryId: null,
      amountMinor: 125_000,
      cleared: true,
    });
  });

  it('keeps the sign of an asset account: an overdrawn account starts negative', () => {
    expect(startingBalancePlan(input({ enteredMinor: -4_250 }))?.transaction.amountMinor).toBe(
      -4_250,
    );
  });

  it.each(['credit', 'loan'])(
    'stores what a %s account owes as negative, whichever sign was typed',
    (type) => {
      expect(
        startingBalancePlan(input({ accountType: type, enteredMinor: 80_000 }))?.transaction
          .amountMinor,
      ).toBe(-80_000);
      expect(
        startingBalancePlan(input({ accountType: type, enteredMinor: -80_000 }))?.transaction
          .amountMinor,
      ).toBe(-80_000);
    },
  );

  it('books nothing for zero and refuses a fractional minor amount', () => {
    expect(startingBalancePlan(input({ enteredMinor: 0 }))).toBeNull();
    expect(() => startingBalancePlan(input({ enteredMinor: 1.5 }))).toThrow(RangeError);
  });
});
