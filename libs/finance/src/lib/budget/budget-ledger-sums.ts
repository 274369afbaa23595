import { monthOf } from '../core/month';
import type { LedgerTransaction } from '../core/rows';
import { effectiveRows, type EffectiveRow } from '../ledger/effective-rows';
import type { AccountIndex } from '../ledger/live-accounts';
import { rowSides } from '../ledger/row-sides';
import type { ActivityAggregate, MonthAmount } from './budget-aggregates';
import { isInBudget } from './on-budget';

/** What one effective row adds to the budget's ledger sums. */
interface Contribution {
  /** The month it starts the budget in (`firstLedgerMonth`), or null when it has no budget side. */
  readonly ledgerMonth: string | null;
  readonly remainder: MonthAmount | null;
  readonly activity: ActivityAggregate | null;
}

/** A sum and how many rows it is made of, so that taking the last one out removes the group. */
interface Group<V extends MonthAmount> {
  value: { -readonly [K in keyof V]: V[K] };
  rows: number;
}

/** The accounts and currency the sums were taken with; other ones need fresh sums. */
export interface BudgetLedgerContext {
  readonly accounts: AccountIndex;
  readonly currency: string;
}

/**
 * The transactions' part of the budget aggregates (FINANCE §3): activity per month and
 * category, split remainders per month, and the months that hold budget rows. Kept as sums
 * with row counts, so that an edit takes its row's old contribution out and puts the new one
 * in (`updated`) instead of summing 100,000 rows again: 10 ms per edit at 20,000 rows in the
 * browser, and linear in the rows (see bench/README.md, scenario 10).
 */
export class BudgetLedgerSums {
  private constructor(
    private readonly activity: ReadonlyMap<string, Group<ActivityAggregate>>,
    private readonly remainders: ReadonlyMap<string, Group<MonthAmount>>,
    private readonly months: ReadonlyMap<string, number>,
    /** Ids some row names as its parent: a change to one of them moves its lines' sums. */
    private readonly parentIds: ReadonlySet<string>,
  ) {}

  /**
   * The groups this instance made and may change in place. Groups shared with the sums it was
   * updated from are replaced on first touch, so sums handed out earlier keep their values,
   * while a full build changes each group in place (a copy per row cost most of a recount).
   */
  private readonly owned = new Set<Group<MonthAmount>>();

  static of(
    transactions: readonly LedgerTransaction[],
    context: BudgetLedgerContext,
  ): BudgetLedgerSums {
    const parentIds = new Set<string>();
    for (const row of transactions) if (row.parentId) parentIds.add(row.parentId);
    const sums = new BudgetLedgerSums(new Map(), new Map(), new Map(), parentIds);
    for (const entry of effectiveRows(transactions)) sums.apply(contributionOf(entry, context), 1);
    return sums;
  }

  /**
   * The sums after some rows changed (each as it was and as it is; either may be absent), or
   * null when a change involves a split, whose lines' sums move with their parent.
   */
  updated(
    changes: readonly {
      before: LedgerTransaction | undefined;
      after: LedgerTransaction | undefined;
    }[],
    context: BudgetLedgerContext,
  ): BudgetLedgerSums | null {
    const involvesSplit = (row: LedgerTransaction | undefined) =>
      row !== undefined && (!!row.parentId || this.parentIds.has(row.id));
    if (changes.some(({ before, after }) => involvesSplit(before) || involvesSplit(after))) {
      return null;
    }
    const sums = new BudgetLedgerSums(
      new Map(this.activity),
      new Map(this.remainders),
      new Map(this.months),
      this.parentIds,
    );
    for (const { before, after } of changes) {
      // A row that is neither a split parent nor a line reads alone as it reads among the rest.
      if (before)
        for (const entry of effectiveRows([before])) sums.apply(contributionOf(entry, context), -1);
      if (after)
        for (const entry of effectiveRows([after])) sums.apply(contributionOf(entry, context), 1);
    }
    return sums;
  }

  activityAggregates(): ActivityAggregate[] {
    return valuesInKeyOrder(this.activity);
  }

  splitRemainders(): MonthAmount[] {
    return valuesInKeyOrder(this.remainders);
  }

  firstLedgerMonth(): string | null {
    let earliest: string | null = null;
    for (const month of this.months.keys())
      if (earliest === null || month < earliest) earliest = month;
    return earliest;
  }

  /** Adds (sign 1) or takes out (sign -1) one row's contribution; only on sums not handed out. */
  private apply(contribution: Contribution, sign: 1 | -1): void {
    const months = this.months as Map<string, number>;
    const { ledgerMonth, remainder, activity } = contribution;
    if (ledgerMonth !== null) {
      const rows = (months.get(ledgerMonth) ?? 0) + sign;
      if (rows > 0) months.set(ledgerMonth, rows);
      else months.delete(ledgerMonth);
    }
    if (remainder) this.addTo(this.remainders, remainder.month, remainder, sign);
    if (activity) {
      this.addTo(this.activity, `${activity.month}|${activity.categoryId ?? ''}`, activity, sign);
    }
  }

  private addTo<V extends MonthAmount>(
    groups: ReadonlyMap<string, Group<V>>,
    key: string,
    value: V,
    sign: 1 | -1,
  ): void {
    const writable = groups as Map<string, Group<V>>;
    let group = groups.get(key);
    if (group && !this.owned.has(group)) {
      group = { value: Object.assign({}, group.value), rows: group.rows };
      writable.set(key, group);
      this.owned.add(group);
    }
    if (!group) {
      group = { value: Object.assign({}, value, { amountMinor: 0 }), rows: 0 };
      writable.set(key, group);
      this.owned.add(group);
    }
    group.rows += sign;
    group.value.amountMinor += sign * value.amountMinor;
    if (group.rows <= 0) writable.delete(key);
  }
}

/** What one row adds to the sums, read with the budget's rules (FINANCE §3). */
function contributionOf(
  entry: EffectiveRow,
  { accounts, currency }: BudgetLedgerContext,
): Contribution {
  const inBudget = (accountId: string) => isInBudget(accounts.get(accountId), currency);
  const month = monthOf(entry.date);
  if (entry.kind === 'split-parent') {
    if (!inBudget(entry.accountId)) return { ledgerMonth: null, remainder: null, activity: null };
    return {
      ledgerMonth: month,
      remainder: { month, amountMinor: entry.amountMinor },
      activity: null,
    };
  }
  // The remainder is parent − Σ children whatever the children's transfers do, so each child
  // of an on-budget parent is taken off it here (its own side is on the parent's account).
  const remainder =
    entry.kind === 'split-child' && inBudget(entry.accountId)
      ? { month, amountMinor: -entry.amountMinor }
      : null;
  const budgetSides = rowSides(entry, accounts).filter((side) => inBudget(side.accountId));
  if (budgetSides.length === 0) return { ledgerMonth: null, remainder, activity: null };
  // Both sides in the budget: money moved between two budget accounts, no activity.
  if (budgetSides.length !== 1) return { ledgerMonth: month, remainder, activity: null };
  const categoryId = entry.row.categoryId ?? null;
  return {
    ledgerMonth: month,
    remainder,
    activity: { month, categoryId, amountMinor: budgetSides[0].amountMinor },
  };
}

function valuesInKeyOrder<V extends MonthAmount>(groups: ReadonlyMap<string, Group<V>>): V[] {
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => group.value as V);
}
