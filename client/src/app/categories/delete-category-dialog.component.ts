import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { Category } from '@finwise/domain';
import { categoryUsage, planCategoryDeletion } from '@finwise/finance';
import { FinanceWrites } from '../data/finance-writes/finance-writes.service';
import { BudgetMovesStore } from '../data/stores/budget-moves.store';
import { BudgetsStore } from '../data/stores/budgets.store';
import { CategoriesStore } from '../data/stores/categories.store';
import { PayeesStore } from '../data/stores/payees.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import { CategoriesViewStore } from '../data/views/categories-view.store';
import { errorMessage } from '../forms/error-message';

/** The value of the "no category" option: the rows become uncategorized. */
const NO_CATEGORY = '';

/** What a finished delete says on the page. */
export interface CategoryDeleted {
  name: string;
  message: string;
}

/**
 * Deletes a category after asking who takes over its transactions: one batch of writes moves
 * every row and split line (and, into an expense category, the budgeted money of every month),
 * then deletes the category, so other devices see it all at once. Hiding is offered as the
 * lighter way out. A modal dialog: Escape or Cancel closes it and focus goes back where it was.
 */
@Component({
  selector: 'fw-delete-category-dialog',
  templateUrl: './delete-category-dialog.component.html',
  styleUrl: './delete-category-dialog.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeleteCategoryDialogComponent {
  private readonly categories = inject(CategoriesStore);
  private readonly transactions = inject(TransactionsStore);
  private readonly budgets = inject(BudgetsStore);
  private readonly moves = inject(BudgetMovesStore);
  private readonly payees = inject(PayeesStore);
  private readonly writes = inject(FinanceWrites);
  private readonly groups = inject(CategoriesViewStore).groups;
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly injector = inject(Injector);
  private returnFocusTo: HTMLElement | null = null;

  /** The category being deleted, as it was when the dialog opened (it may vanish meanwhile). */
  protected readonly category = signal<Category | null>(null);
  protected readonly replacement = signal(NO_CATEGORY);
  protected readonly error = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly noCategory = NO_CATEGORY;

  /** A delete went through: the page says what happened. */
  readonly deleted = output<CategoryDeleted>();
  /** Hide instead was chosen. */
  readonly hide = output<Category>();

  protected readonly usage = computed(() => {
    const category = this.category();
    return category ? categoryUsage(category.id, this.transactions.entities()) : 0;
  });

  /** Live categories of the same kind (income or expense) by group, the deleted one left out. */
  protected readonly choices = computed(() => {
    const category = this.category();
    if (!category) return [];
    return this.groups()
      .map((group) => ({
        name: group.name,
        categories: group.categories.filter(
          (other) =>
            other.id !== category.id && Boolean(other.isIncome) === Boolean(category.isIncome),
        ),
      }))
      .filter((group) => group.categories.length > 0);
  });

  open(category: Category): void {
    const dialog = this.dialog().nativeElement;
    this.returnFocusTo = dialog.ownerDocument.activeElement as HTMLElement | null;
    this.category.set(category);
    this.replacement.set(NO_CATEGORY);
    this.error.set(null);
    // jsdom has no showModal; browsers get a real modal (inert page, Escape closes).
    if (typeof dialog.showModal === 'function') {
      dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    afterNextRender(() => dialog.querySelector<HTMLElement>('select')?.focus(), {
      injector: this.injector,
    });
  }

  protected close(): void {
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.close === 'function') {
      dialog.close();
    } else {
      dialog.removeAttribute('open');
      this.onClosed();
    }
  }

  /** Runs on every close, Escape included. */
  protected onClosed(): void {
    this.category.set(null);
    this.returnFocusTo?.focus();
    this.returnFocusTo = null;
  }

  protected hideInstead(): void {
    const category = this.category();
    this.close();
    if (category) this.hide.emit(category);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const category = this.category();
    if (!category || this.saving()) return;
    const replacementId = this.replacement() === NO_CATEGORY ? null : this.replacement();
    this.saving.set(true);
    this.error.set(null);
    try {
      // Read at the moment of deleting: rows another device changed meanwhile are included.
      const plan = planCategoryDeletion({
        categoryId: category.id,
        replacementId,
        categories: this.categories.entities(),
        transactions: this.transactions.entities(),
        budgets: this.budgets.entities(),
        moves: this.moves.entities(),
        payees: this.payees.entities(),
      });
      await this.writes.applyTogether(plan.mutations);
      const name = category.name ?? 'The category';
      const target = replacementId
        ? (this.categories.byId().get(replacementId)?.name ?? 'the chosen category')
        : null;
      this.deleted.emit({ name, message: deletedMessage(name, plan.transactionCount, target) });
      this.returnFocusTo = null;
      this.close();
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.saving.set(false);
    }
  }
}

function deletedMessage(name: string, count: number, target: string | null): string {
  const rows = `${count} ${count === 1 ? 'transaction' : 'transactions'}`;
  if (count === 0) return `Deleted ${name}.`;
  return target
    ? `Deleted ${name}; ${rows} moved to ${target}.`
    : `Deleted ${name}; ${rows} are now uncategorized.`;
}
