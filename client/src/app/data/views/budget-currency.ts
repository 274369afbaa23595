import type { Account } from '@finwise/domain';

/** The budget currency: the one most on-budget accounts use (budgets carry no currency of their own). */
export function budgetCurrency(accounts: readonly Account[]): string {
  const counts = new Map<string, number>();
  for (const account of accounts) {
    if (account.onBudget && account.currency) {
      counts.set(account.currency, (counts.get(account.currency) ?? 0) + 1);
    }
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0] ?? 'EUR';
}
