import { AmountGroups } from '../core/amount-groups';
import { monthOf } from '../core/month';
import {
  isLive,
  type BudgetCategory,
  type LedgerAccount,
  type LedgerTransaction,
} from '../core/rows';
import { effectiveRows } from '../ledger/effective-rows';
import { indexLiveAccounts } from '../ledger/live-accounts';
import { rowSides } from '../ledger/row-sides';
import type { AccountMonthAmount, FlowAggregate, ReportAggregates } from './report-aggregates';

/** A household's rows, as the browser holds them, for the reports (`BudgetRows` fits too). */
export interface ReportRows {
  /** The budget currency (see `budgetCurrencyOf`). */
  readonly currency: string;
  readonly transactions: readonly LedgerTransaction[];
  readonly accounts: readonly LedgerAccount[];
  readonly categories: readonly BudgetCategory[];
}

/**
 * Sums a household's rows into the monthly aggregates of the reports (FINANCE §4), the same
 * numbers the server's SQL produces, so both feed the same report functions.
 */
export function buildReportAggregates(rows: ReportRows): ReportAggregates {
  const accounts = indexLiveAccounts(rows.accounts);
  const flows = new AmountGroups<FlowAggregate>();
  const remainders = new AmountGroups<AccountMonthAmount>();

  for (const entry of effectiveRows(rows.transactions)) {
    const month = monthOf(entry.date);
    const remainderKey = `${month}|${entry.accountId}`;
    if (entry.kind === 'split-parent') {
      if (accounts.has(entry.accountId)) {
        remainders.add(remainderKey, {
          month,
          accountId: entry.accountId,
          amountMinor: entry.amountMinor,
        });
      }
      continue;
    }
    // The remainder is parent − Σ lines whatever the lines' transfers do.
    if (entry.kind === 'split-child' && accounts.has(entry.accountId)) {
      remainders.add(remainderKey, {
        month,
        accountId: entry.accountId,
        amountMinor: -entry.amountMinor,
      });
    }
    const categoryId = entry.row.categoryId ?? null;
    for (const side of rowSides(entry, accounts)) {
      const otherAccountId = side.side === 'own' ? entry.transferAccountId : entry.accountId;
      flows.add(`${month}|${side.accountId}|${otherAccountId ?? ''}|${categoryId ?? ''}`, {
        month,
        accountId: side.accountId,
        otherAccountId,
        categoryId,
        amountMinor: side.amountMinor,
      });
    }
  }

  return {
    currency: rows.currency,
    accounts: [...accounts.values()],
    categories: rows.categories.filter(isLive),
    flows: flows.sortedValues(),
    splitRemainders: remainders.sortedValues(),
  };
}
