import { randomUUID } from 'node:crypto';
import { budgetId, budgetMonthId, settingsId } from '@finwise/domain';

/** One write of a generated household, in push order. */
export interface HouseholdWrite {
  modelName: string;
  operation: 'create' | 'update' | 'delete';
  data: { id: string } & Record<string, unknown>;
}

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HOUSEHOLD_MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];

/**
 * A household that exercises every budget rule the server's SQL must agree on with the app's
 * in-memory computation: accounts on and off budget and in another currency, a deleted account,
 * income, expense, hidden, carry-over and deleted categories, transfers of every kind (across
 * currencies with their own far amount), split parents with lines that transfer or have no
 * category, dead lines, tombstones, budget cells, moves to and from To Budget and holds.
 */
export function randomHousehold(seed: number, rows = 160): HouseholdWrite[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const amount = () => (chance(0.3) ? 1 : -1) * (1 + Math.floor(next() * 50_000));
  const day = () =>
    `${pick(HOUSEHOLD_MONTHS)}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  const writes: HouseholdWrite[] = [];
  const create = (modelName: string, data: { id: string } & Record<string, unknown>) =>
    writes.push({ modelName, operation: 'create', data });

  if (chance(0.5)) create('settings', { id: settingsId(), budgetCurrency: 'EUR' });
  const account = (currency: string, onBudget: boolean) => {
    const id = randomUUID();
    create('accounts', {
      id,
      name: `Account ${writes.length}`,
      type: 'checking',
      currency,
      onBudget,
      closed: chance(0.2),
      sortOrder: writes.length,
    });
    return id;
  };
  const checking = account('EUR', true);
  const savings = account('EUR', true);
  const brokerage = account('EUR', false);
  const dollars = account('USD', true);
  const doomed = account('EUR', true);
  const accounts = [checking, savings, brokerage, dollars, doomed];

  const category = (isIncome: boolean, hidden = false) => {
    const id = randomUUID();
    create('categories', {
      id,
      name: `Category ${writes.length}`,
      groupName: isIncome ? 'Income' : pick(['Bills', 'Everyday']),
      isIncome,
      hidden,
      sortOrder: writes.length,
      carryOverspending: !isIncome && chance(0.4),
    });
    return id;
  };
  const expenses = [category(false), category(false), category(false), category(false, true)];
  const income = category(true);
  const doomedCategory = category(false);
  const categoryChoices = [...expenses, income, doomedCategory, null, randomUUID()];

  const transaction = (fields: Record<string, unknown>) => {
    const id = randomUUID();
    create('transactions', {
      id,
      accountId: pick(accounts),
      date: day(),
      amountMinor: amount(),
      categoryId: pick(categoryChoices),
      cleared: chance(0.5),
      reconciled: false,
      ...fields,
    });
    return id;
  };
  const transfer = (from: string) => {
    const to = pick(accounts.filter((a) => a !== from));
    return {
      transferAccountId: to,
      transferAmountMinor: chance(0.5) ? amount() : null,
      transferCleared: chance(0.5),
    };
  };

  const transactionIds: string[] = [];
  for (let i = 0; i < rows; i++) {
    const accountId = pick(accounts);
    const kind = next();
    if (kind < 0.2) {
      transactionIds.push(transaction({ accountId, ...transfer(accountId) }));
    } else if (kind < 0.3) {
      const date = day();
      const parent = transaction({ accountId, date });
      transactionIds.push(parent);
      const lines = 1 + Math.floor(next() * 3);
      for (let line = 0; line < lines; line++) {
        transactionIds.push(
          transaction({
            accountId,
            date,
            parentId: parent,
            ...(chance(0.2) ? transfer(accountId) : {}),
          }),
        );
      }
    } else if (kind < 0.32) {
      // A line whose parent never arrives: dead, it counts nowhere.
      transactionIds.push(transaction({ accountId, parentId: randomUUID() }));
    } else {
      transactionIds.push(transaction({ accountId }));
    }
  }

  for (const month of HOUSEHOLD_MONTHS) {
    for (const categoryId of [...expenses, income, doomedCategory]) {
      if (!chance(0.6)) continue;
      create('budgets', {
        id: budgetId(categoryId, month),
        categoryId,
        month,
        budgetedMinor: Math.floor(next() * 40_000),
      });
    }
    for (let m = 0; m < 3; m++) {
      const fromCategoryId = pick([...expenses, null, income]);
      create('budget_moves', {
        id: randomUUID(),
        month,
        fromCategoryId,
        toCategoryId: pick([...expenses, null, doomedCategory].filter((c) => c !== fromCategoryId)),
        amountMinor: 1 + Math.floor(next() * 10_000),
      });
    }
    if (chance(0.4)) {
      create('budget_months', {
        id: budgetMonthId(month),
        month,
        heldMinor: Math.floor(next() * 20_000),
      });
    }
  }

  for (const id of transactionIds) {
    if (chance(0.05)) writes.push({ modelName: 'transactions', operation: 'delete', data: { id } });
  }
  writes.push({ modelName: 'categories', operation: 'delete', data: { id: doomedCategory } });
  writes.push({ modelName: 'accounts', operation: 'delete', data: { id: doomed } });
  return writes;
}
