import type { z } from 'zod';
import type {
  CashFlowMonth,
  CashFlowReport,
  NetWorthMonth,
  NetWorthReport,
  SpendingCategory,
  SpendingReport,
} from '@finwise/finance';
import {
  cashFlowMonthSchema,
  cashFlowReportSchema,
  netWorthMonthSchema,
  netWorthReportSchema,
  spendingCategorySchema,
  spendingReportSchema,
} from './report-schemas';

/** Compile-time: the documented bodies are exactly what the report endpoints are typed to return. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const matches = <T extends true>(value: T): T => value;

type Mutable<T> = T extends readonly (infer E)[]
  ? Mutable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

matches<Same<z.output<typeof spendingCategorySchema>, Mutable<SpendingCategory>>>(true);
matches<Same<z.output<typeof spendingReportSchema>, Mutable<SpendingReport>>>(true);
matches<Same<z.output<typeof cashFlowMonthSchema>, Mutable<CashFlowMonth>>>(true);
matches<Same<z.output<typeof cashFlowReportSchema>, Mutable<CashFlowReport>>>(true);
matches<Same<z.output<typeof netWorthMonthSchema>, Mutable<NetWorthMonth>>>(true);
matches<Same<z.output<typeof netWorthReportSchema>, Mutable<NetWorthReport>>>(true);

describe('report response schemas', () => {
  it('accept reports as the server sends them and refuse a fractional amount', () => {
    const spending = {
      currency: 'EUR',
      months: ['2026-01'],
      categories: [
        {
          categoryId: '0f8fad5b-d9cb-469f-a165-70867728950e',
          name: 'Rent',
          groupName: 'Fixed',
          amounts: [80_000],
        },
      ],
      uncategorized: [0],
      totals: [80_000],
    };
    expect(spendingReportSchema.safeParse(spending).success).toBe(true);
    expect(spendingReportSchema.safeParse({ ...spending, totals: [0.5] }).success).toBe(false);
    const cashFlow = {
      currencies: [
        {
          currency: 'EUR',
          months: [{ month: '2026-01', income: 1, expense: -1, transfers: 0, net: 0 }],
        },
      ],
    };
    expect(cashFlowReportSchema.safeParse(cashFlow).success).toBe(true);
    const netWorth = {
      currencies: [
        { currency: 'USD', months: [{ month: '2026-01', assets: 2, debts: -1, net: 1.5 }] },
      ],
    };
    expect(netWorthReportSchema.safeParse(netWorth).success).toBe(false);
  });
});
