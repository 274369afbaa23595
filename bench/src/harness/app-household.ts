import { randomUUID } from 'node:crypto';
import { payeeIdFor } from '@finwise/domain';
import { HybridLogicalClock, randomNodeId, type Mutation } from '@finwise/sync-protocol';

type Row = { id: string } & Record<string, unknown>;

export interface AppAccount {
  readonly id: string;
  readonly name: string;
}

export interface AppCategory {
  readonly id: string;
  readonly name: string;
  readonly isIncome: boolean;
}

/** What the benchmark keeps of each transaction to know what the app must show after an edit. */
export interface AppTransaction {
  readonly id: string;
  readonly accountId: string;
  /** `YYYY-MM`, the budget month the row counts in. */
  readonly month: string;
  readonly categoryId: string | null;
  amountMinor: number;
}

/**
 * A household as the app meets it after two years of use: four EUR budget accounts, twelve
 * expense categories in three groups and an income category, sixty payees and `count`
 * transactions over the 24 months up to today. No transfers and no splits, so an account's
 * balance is the sum of its rows and a category's activity in a month the sum of its rows
 * there: the benchmark predicts every number the app must show without the app's own ledger
 * code.
 */
export interface AppHousehold {
  readonly currency: 'EUR';
  readonly accounts: readonly AppAccount[];
  readonly categories: readonly AppCategory[];
  readonly transactions: readonly AppTransaction[];
  /** Accounts, categories and payees first, then the transactions. */
  readonly mutations: Mutation[];
}

const ACCOUNTS = [
  // Share of the rows (out of 20) and type.
  { name: 'Everyday', type: 'checking', share: 10 },
  { name: 'Credit card', type: 'credit', share: 5 },
  { name: 'Cash', type: 'cash', share: 3 },
  { name: 'Savings', type: 'savings', share: 2 },
] as const;

const EXPENSE_GROUPS: Record<string, readonly string[]> = {
  Living: ['Rent', 'Utilities', 'Groceries', 'Insurance'],
  'Getting around': ['Fuel', 'Public transport', 'Car repairs', 'Parking'],
  'Free time': ['Eating out', 'Sports', 'Holidays', 'Gifts'],
};

const DAYS = 730;
const PAYEES = 60;
/** One row in this many is income (always on the first account). */
const INCOME_EVERY = 40;
/** One row in this many has no category (the budget's "Uncategorized"). */
const UNCATEGORIZED_EVERY = 37;

export function appHousehold(count: number, today = new Date()): AppHousehold {
  const clock = new HybridLogicalClock(randomNodeId());
  const mutation = (modelName: string, data: Row): Mutation => ({
    mutationId: randomUUID(),
    modelName,
    operation: 'create',
    data,
    hlc: clock.tick(),
  });

  const accounts = ACCOUNTS.map((account) => ({ ...account, id: randomUUID() }));
  const expenses: AppCategory[] = Object.values(EXPENSE_GROUPS)
    .flat()
    .map((name) => ({ id: randomUUID(), name, isIncome: false }));
  const income: AppCategory = { id: randomUUID(), name: 'Salary', isIncome: true };
  const groupOf = new Map(
    Object.entries(EXPENSE_GROUPS).flatMap(([group, names]) =>
      names.map((name) => [name, group] as const),
    ),
  );
  const payeeNames = Array.from({ length: PAYEES }, (_, n) => `Shop ${n + 1}`);
  const payeeIds = payeeNames.map((name) => payeeIdFor(name));

  const accountAt: string[] = accounts.flatMap((account) =>
    Array.from({ length: account.share }, () => account.id),
  );
  const firstDay = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const transactions: AppTransaction[] = [];
  const rows: Row[] = [];
  for (let i = 0; i < count; i += 1) {
    // Oldest first; the last row is dated today.
    const day = DAYS - 1 - Math.floor(((count - 1 - i) * DAYS) / count);
    const date = new Date(firstDay - (DAYS - 1 - day) * 86_400_000).toISOString().slice(0, 10);
    const isIncome = i % INCOME_EVERY === 0;
    const accountId = isIncome ? accounts[0].id : accountAt[i % accountAt.length];
    const categoryId = isIncome
      ? income.id
      : i % UNCATEGORIZED_EVERY === 5
        ? null
        : expenses[(i * 7) % expenses.length].id;
    const amountMinor = isIncome ? 250_000 + ((i * 31) % 50_000) : -(100 + ((i * 7919) % 20_000));
    const row: AppTransaction = {
      id: randomUUID(),
      accountId,
      month: date.slice(0, 7),
      categoryId,
      amountMinor,
    };
    transactions.push(row);
    rows.push({
      id: row.id,
      accountId,
      date,
      amountMinor,
      payeeId: payeeIds[(i * 13) % PAYEES],
      notes: i % 9 === 0 ? `Receipt ${i}` : null,
      categoryId,
      // The last fortnight is not cleared by the bank yet; nothing is reconciled (an edit of a
      // reconciled row asks for a confirmation first).
      cleared: day < DAYS - 14,
      reconciled: false,
    });
  }

  return {
    currency: 'EUR',
    accounts: accounts.map(({ id, name }) => ({ id, name })),
    categories: [...expenses, income],
    transactions,
    mutations: [
      ...accounts.map((account, sortOrder) =>
        mutation('accounts', {
          id: account.id,
          name: account.name,
          groupId: null,
          type: account.type,
          currency: 'EUR',
          onBudget: true,
          closed: false,
          sortOrder,
          note: null,
        }),
      ),
      ...[...expenses, income].map((category, sortOrder) =>
        mutation('categories', {
          id: category.id,
          name: category.name,
          groupName: category.isIncome ? 'Income' : (groupOf.get(category.name) ?? 'Other'),
          isIncome: category.isIncome,
          hidden: false,
          sortOrder,
          carryOverspending: false,
        }),
      ),
      ...payeeNames.map((name, n) =>
        mutation('payees', { id: payeeIds[n], name, favorite: false }),
      ),
      ...rows.map((row) => mutation('transactions', row)),
    ],
  };
}

/** Σ of the account's rows: the balance the register shows. */
export function balanceOf(household: AppHousehold, accountId: string): number {
  return household.transactions.reduce(
    (sum, row) => (row.accountId === accountId ? sum + row.amountMinor : sum),
    0,
  );
}

/** Σ of the category's rows in the month: its activity on the budget page (all accounts are on budget). */
export function activityOf(household: AppHousehold, month: string, categoryId: string): number {
  return household.transactions.reduce(
    (sum, row) =>
      row.month === month && row.categoryId === categoryId ? sum + row.amountMinor : sum,
    0,
  );
}

/** Σ of every row: the accounts page's net worth. */
export function netWorthOf(household: AppHousehold): number {
  return household.transactions.reduce((sum, row) => sum + row.amountMinor, 0);
}
