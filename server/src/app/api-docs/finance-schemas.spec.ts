import type { z } from 'zod';
import type { ReconcileRequest } from '@finwise/domain';
import type { CategoryBudget, MonthBudget } from '@finwise/finance';
import { reconcileRequestSchema } from '@finwise/domain';
import { categoryBudgetSchema, monthBudgetSchema } from './finance-schemas';

/** Compile-time: the documented bodies are exactly what the finance endpoints are typed to return. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const matches = <T extends true>(value: T): T => value;

type Mutable<T> = {
  -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? Mutable<E>[] : T[K];
};

matches<Same<z.output<typeof categoryBudgetSchema>, Mutable<CategoryBudget>>>(true);
matches<Same<z.output<typeof monthBudgetSchema>, Mutable<MonthBudget>>>(true);
matches<Same<z.output<typeof reconcileRequestSchema>, ReconcileRequest>>(true);

describe('finance response schemas', () => {
  it('accept a month budget as the server sends it and refuse a fractional amount', () => {
    const budget = {
      month: '2026-01',
      currency: 'EUR',
      income: 0,
      fromLastMonth: 0,
      overspentLastMonth: 0,
      totalBudgeted: 0,
      held: 0,
      toBudget: 0,
      safeToAssign: 0,
      uncategorized: 0,
      categories: [],
      excludedAccounts: [],
    };
    expect(monthBudgetSchema.safeParse(budget).success).toBe(true);
    expect(monthBudgetSchema.safeParse({ ...budget, toBudget: 1.5 }).success).toBe(false);
  });
});
