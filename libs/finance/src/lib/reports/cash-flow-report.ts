import type { LedgerAccount } from '../core/rows';
import { indexLiveAccounts } from '../ledger/live-accounts';
import type { ReportAggregates } from './report-aggregates';
import { categoryKinds, currenciesOf, monthSlots, zeros } from './report-inputs';

/** `GET /api/reports/cash-flow` (FINANCE §4): one group per currency of the on-budget accounts. */
export interface CashFlowReport {
  /** The budget currency first, then the others in code order. */
  readonly currencies: readonly CashFlowCurrency[];
}

export interface CashFlowCurrency {
  /** ISO 4217: every amount of the group is in it. */
  readonly currency: string;
  /** One entry per month of the range, in order. */
  readonly months: readonly CashFlowMonth[];
}

/** Signed amounts: inflows positive, outflows negative. `net = income + expense + transfers`. */
export interface CashFlowMonth {
  /** `YYYY-MM` */
  readonly month: string;
  /** Rows in income categories. */
  readonly income: number;
  /** Rows in expense categories, uncategorized rows that are not transfers, split remainders. */
  readonly expense: number;
  /** Uncategorized transfers across the group's edge: `net − income − expense`. */
  readonly transfers: number;
  /** The group's total balance change in the month. */
  readonly net: number;
}

/**
 * Cash flow (FINANCE §4) over the live accounts with `onBudget`, closed ones included, one group
 * per account currency. Only the sides that fall on a group's accounts count there: a transfer
 * inside the group adds nothing; a leg crossing the group's edge (to an off-budget account or one
 * in another currency) counts under its row's category when that is a live category, and under
 * transfers when it is not. Throws a `ReportRangeError` for a range a report refuses.
 */
export function cashFlowReport(
  aggregates: ReportAggregates,
  from: string,
  to: string,
): CashFlowReport {
  const { months, slotOf } = monthSlots(from, to);
  const accounts = indexLiveAccounts(aggregates.accounts);
  const kindOf = categoryKinds(aggregates.categories);
  const onBudget = [...accounts.values()].filter((account) => account.onBudget === true);
  const groups = new Map(
    currenciesOf(onBudget, aggregates.currency).map((currency) => [
      currency,
      { income: zeros(months.length), expense: zeros(months.length), net: zeros(months.length) },
    ]),
  );
  const groupOf = (account: LedgerAccount | undefined) =>
    account?.onBudget === true && account.currency ? groups.get(account.currency) : undefined;

  for (const flow of aggregates.flows) {
    const slot = slotOf(flow.month);
    const account = accounts.get(flow.accountId);
    const group = groupOf(account);
    if (slot === undefined || !group) continue;
    group.net[slot] += flow.amountMinor;
    const other = flow.otherAccountId === null ? undefined : accounts.get(flow.otherAccountId);
    // Inside the group: one currency, both live, so the two sides cancel and neither is counted.
    if (other && groupOf(other) === group) continue;
    const kind = kindOf(flow.categoryId);
    if (kind === 'income') group.income[slot] += flow.amountMinor;
    else if (kind === 'expense' || flow.otherAccountId === null) {
      group.expense[slot] += flow.amountMinor;
    }
  }
  for (const remainder of aggregates.splitRemainders) {
    const slot = slotOf(remainder.month);
    const group = groupOf(accounts.get(remainder.accountId));
    if (slot === undefined || !group) continue;
    group.net[slot] += remainder.amountMinor;
    group.expense[slot] += remainder.amountMinor;
  }

  return {
    currencies: [...groups].map(([currency, { income, expense, net }]) => ({
      currency,
      months: months.map((month, slot) => ({
        month,
        income: income[slot],
        expense: expense[slot],
        transfers: net[slot] - income[slot] - expense[slot],
        net: net[slot],
      })),
    })),
  };
}
