import { inject, Injectable, signal } from '@angular/core';
import {
  copyLastMonth,
  coverOverspending,
  holdForNextMonth,
  moveMoney,
  previousMonth,
  releaseHold,
  setBudgetedAmount,
  setCarryOverspending,
  type MonthBudget,
} from '@finwise/finance';
import { errorMessage } from '../forms/error-message';
import { monthLabel } from '../shared/dates/month';
import { USER_LOCALE } from '../shared/locale';
import { formatMoney } from '../shared/money/format-money';
import { BudgetData } from './budget-data';
import { FinanceWrites } from '../data/finance-writes/finance-writes.service';
import { UndoService } from '../data/undo/undo.service';

export interface BudgetNotice {
  kind: 'done' | 'error';
  text: string;
}

export interface MoveRequest {
  month: string;
  /** null = To Budget */
  fromCategoryId: string | null;
  /** null = To Budget */
  toCategoryId: string | null;
  amountMinor: number;
  note?: string;
}

/**
 * The budget's actions (FINANCE §3): each asks the finance library for its mutations, with the
 * library's clamps, writes them, and says in one sentence what happened.
 */
@Injectable()
export class BudgetActions {
  private readonly data = inject(BudgetData);
  private readonly writes = inject(FinanceWrites);
  // Budgeted amounts and moves can be taken back from the Undo offer; holds and flags have their own controls.
  private readonly undo = inject(UndoService);
  private readonly locale = inject(USER_LOCALE);
  private readonly noticeState = signal<BudgetNotice | null>(null);

  /** What the last action did, or why it failed. */
  readonly notice = this.noticeState.asReadonly();

  /** Writes the typed amount of one cell; resolves to an error message, or null when written. */
  async setBudgeted(
    month: string,
    categoryId: string,
    budgetedMinor: number,
  ): Promise<string | null> {
    try {
      await this.undo.edit(
        `Budgeted amount of ${this.nameOf(categoryId)} saved.`,
        setBudgetedAmount({ categoryId, month, budgetedMinor, budgets: this.data.budgets() }),
      );
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  async move(request: MoveRequest): Promise<boolean> {
    return this.run(async () => {
      await this.undo.edit(
        'Money moved.',
        moveMoney({ ...request, note: request.note?.trim() || null }),
      );
      return `Moved ${this.money(request.amountMinor)} from ${this.nameOf(request.fromCategoryId)} to ${this.nameOf(request.toCategoryId)}.`;
    });
  }

  async cover(
    budget: MonthBudget,
    categoryId: string,
    fromCategoryId: string | null,
  ): Promise<boolean> {
    return this.run(async () => {
      const { coveredMinor, mutations } = coverOverspending({ budget, categoryId, fromCategoryId });
      if (coveredMinor === 0) {
        return `${this.nameOf(fromCategoryId)} has nothing to cover ${this.nameOf(categoryId)} with.`;
      }
      await this.undo.edit('Overspending covered.', mutations);
      const overspent = -(
        budget.categories.find((line) => line.categoryId === categoryId)?.available ?? 0
      );
      const partly =
        coveredMinor < overspent
          ? ` (all it had; ${this.money(overspent - coveredMinor)} still overspent)`
          : '';
      return `Covered ${this.money(coveredMinor)} of ${this.nameOf(categoryId)} from ${this.nameOf(fromCategoryId)}${partly}.`;
    });
  }

  async hold(budget: MonthBudget, amountMinor: number): Promise<boolean> {
    return this.run(async () => {
      const result = holdForNextMonth({
        budget,
        budgetMonths: this.data.budgetMonths(),
        amountMinor,
      });
      if (result.changeMinor === 0) {
        return 'Nothing to hold: there is no money left to budget this month.';
      }
      await this.writes.apply(result.mutations);
      const clamped = result.changeMinor < amountMinor ? ' (all that was left to budget)' : '';
      return `Holding ${this.money(result.changeMinor)} more for next month${clamped}; ${this.money(result.heldMinor)} held in all.`;
    });
  }

  /** Releases held money back to To Budget: all of it without an amount, never more than is held. */
  async release(budget: MonthBudget, amountMinor?: number): Promise<boolean> {
    return this.run(async () => {
      const result = releaseHold({ budget, budgetMonths: this.data.budgetMonths(), amountMinor });
      if (result.changeMinor === 0) return 'Nothing is held this month.';
      await this.writes.apply(result.mutations);
      const released = -result.changeMinor;
      const clamped =
        amountMinor !== undefined && released < amountMinor ? ' (all that was held)' : '';
      return `Released ${this.money(released)} back to To Budget${clamped}.`;
    });
  }

  async setCarryOverspending(categoryId: string, carry: boolean): Promise<boolean> {
    return this.run(async () => {
      const category = this.data.categoryMap().get(categoryId);
      if (!category) throw new Error('This category no longer exists.');
      await this.writes.apply(setCarryOverspending(category, carry));
      return carry
        ? `Overspending in ${this.nameOf(categoryId)} now stays in the category next month.`
        : `Overspending in ${this.nameOf(categoryId)} now comes out of next month's To Budget.`;
    });
  }

  /** How many amounts typed for this month copying last month's would replace with another. */
  copyWouldReplace(month: string): number {
    const cells = this.data.budgetCells();
    return copyLastMonth({
      month,
      budgets: this.data.budgets(),
      categories: this.data.categories(),
    }).filter((mutation) => (cells.get(mutation.data.id)?.budgetedMinor ?? 0) !== 0).length;
  }

  async copyLastMonth(month: string): Promise<boolean> {
    return this.run(async () => {
      const mutations = copyLastMonth({
        month,
        budgets: this.data.budgets(),
        categories: this.data.categories(),
      });
      const from = monthLabel(previousMonth(month), this.locale);
      if (mutations.length === 0) return `The budgeted amounts already match ${from}.`;
      await this.undo.edit(`Amounts copied from ${from}.`, mutations);
      const count = mutations.length;
      return `Copied ${count} ${count === 1 ? 'amount' : 'amounts'} from ${from}.`;
    });
  }

  private async run(action: () => Promise<string>): Promise<boolean> {
    try {
      this.noticeState.set({ kind: 'done', text: await action() });
      return true;
    } catch (error) {
      this.noticeState.set({ kind: 'error', text: errorMessage(error) });
      return false;
    }
  }

  private nameOf(categoryId: string | null): string {
    if (categoryId === null) return 'To Budget';
    return this.data.categoryMap().get(categoryId)?.name ?? 'a deleted category';
  }

  private money(minor: number): string {
    return formatMoney(minor, this.data.currency(), this.locale);
  }
}
