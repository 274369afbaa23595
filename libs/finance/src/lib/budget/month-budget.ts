/** The envelope budget of one month, exactly as `GET /api/budget/:month` returns it (FINANCE §3). */
export interface MonthBudget {
  /** `YYYY-MM` */
  readonly month: string;
  readonly currency: string;
  /** Σ activity of income categories. */
  readonly income: number;
  /** toBudget + held of the month before. */
  readonly fromLastMonth: number;
  /** Σ min(0, available last month) over expense categories without carry-over (≤ 0). */
  readonly overspentLastMonth: number;
  /** Σ budgeted over expense categories (hidden ones included). */
  readonly totalBudgeted: number;
  readonly held: number;
  readonly toBudget: number;
  /** The lowest toBudget of this month and every later month holding a budget cell, move or hold. */
  readonly safeToAssign: number;
  /** Uncategorized activity of this month, split remainders included. */
  readonly uncategorized: number;
  /** Expense categories, then income categories, in display order. */
  readonly categories: readonly CategoryBudget[];
  /** Live on-budget accounts in another currency: left out of the budget. */
  readonly excludedAccounts: readonly string[];
}

export interface CategoryBudget {
  readonly categoryId: string;
  readonly name: string;
  readonly groupName: string;
  readonly isIncome: boolean;
  readonly hidden: boolean;
  readonly carryOverspending: boolean;
  /** Typed amount plus moves in minus moves out; 0 for income categories. */
  readonly budgeted: number;
  readonly activity: number;
  /** 0 for income categories. */
  readonly carryIn: number;
  /** 0 for income categories. */
  readonly available: number;
}
