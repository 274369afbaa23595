import { indexLiveAccounts } from '../ledger/live-accounts';
import type { ReportAggregates } from './report-aggregates';
import { currenciesOf, monthSlots, zeros } from './report-inputs';

/** `GET /api/reports/net-worth` (FINANCE §4): one group per account currency. */
export interface NetWorthReport {
  /** The budget currency first, then the others in code order. */
  readonly currencies: readonly NetWorthCurrency[];
}

export interface NetWorthCurrency {
  /** ISO 4217: every amount of the group is in it. */
  readonly currency: string;
  /** One entry per month of the range, in order. */
  readonly months: readonly NetWorthMonth[];
}

/** Balances at the end of the month. */
export interface NetWorthMonth {
  /** `YYYY-MM` */
  readonly month: string;
  /** Σ of the positive account balances. */
  readonly assets: number;
  /** Σ of the negative account balances (≤ 0). */
  readonly debts: number;
  /** assets + debts */
  readonly net: number;
}

/**
 * Net worth (FINANCE §4) over every live account, on- and off-budget, closed ones included: each
 * account's balance (FINANCE §2) at the end of each month, everything before `from` carried in,
 * added up per currency as assets (positive balances) and debts (negative ones). An account is
 * an asset or a debt by its balance, not its type, and may change sides from month to month.
 * Throws a `ReportRangeError` for a range a report refuses.
 */
export function netWorthReport(
  aggregates: ReportAggregates,
  from: string,
  to: string,
): NetWorthReport {
  const { months, slotOf } = monthSlots(from, to);
  const accounts = indexLiveAccounts(aggregates.accounts);

  // Per account: the balance before `from`, and what each month of the range changes.
  const opening = new Map<string, number>();
  const changes = new Map<string, number[]>();
  for (const { accountId, month, amountMinor } of [
    ...aggregates.flows,
    ...aggregates.splitRemainders,
  ]) {
    if (!accounts.has(accountId) || month > to) continue;
    const slot = slotOf(month);
    if (slot === undefined) {
      opening.set(accountId, (opening.get(accountId) ?? 0) + amountMinor);
    } else {
      let line = changes.get(accountId);
      if (!line) changes.set(accountId, (line = zeros(months.length)));
      line[slot] += amountMinor;
    }
  }

  const groups = new Map(
    currenciesOf(accounts.values(), aggregates.currency).map((currency) => [
      currency,
      { assets: zeros(months.length), debts: zeros(months.length) },
    ]),
  );
  for (const account of accounts.values()) {
    const group = account.currency ? groups.get(account.currency) : undefined;
    if (!group) continue;
    let balance = opening.get(account.id) ?? 0;
    const line = changes.get(account.id);
    for (let slot = 0; slot < months.length; slot++) {
      balance += line?.[slot] ?? 0;
      if (balance > 0) group.assets[slot] += balance;
      else if (balance < 0) group.debts[slot] += balance;
    }
  }

  return {
    currencies: [...groups].map(([currency, { assets, debts }]) => ({
      currency,
      months: months.map((month, slot) => ({
        month,
        assets: assets[slot],
        debts: debts[slot],
        net: assets[slot] + debts[slot],
      })),
    })),
  };
}
