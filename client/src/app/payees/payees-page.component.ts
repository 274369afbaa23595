import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { normalisePayeeName, payeeForName } from '@finwise/finance';
import { FinanceWrites } from '../data/finance-writes/finance-writes.service';
import { PayeesStore } from '../data/stores/payees.store';
import { CategoriesViewStore } from '../data/views/categories-view.store';
import { findPayeeByName } from '../data/views/payee-index';
import { PayeesViewStore } from '../data/views/payees-view.store';
import { PageActions } from '../forms/page-actions';
import { PayeeItemComponent } from './payee-item.component';

/**
 * The household's payees: add, find, rename, set a default category, mark favorites, merge
 * one into another (and undo a merge). Payees are never deleted (FINANCE §1): one no row uses
 * simply stops being suggested.
 */
@Component({
  selector: 'fw-payees-page',
  imports: [ReactiveFormsModule, PayeeItemComponent],
  templateUrl: './payees-page.component.html',
  styleUrl: './payees-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PayeesPageComponent {
  private readonly payees = inject(PayeesStore);
  private readonly index = inject(PayeesViewStore).index;
  private readonly financeWrites = inject(FinanceWrites);

  protected readonly loaded = this.payees.loaded;
  protected readonly categoryGroups = inject(CategoriesViewStore).groups;
  protected readonly actions = new PageActions();
  protected readonly filter = signal('');
  protected readonly all = computed(() =>
    [...this.index().byId.values()].sort((a, b) =>
      (a.payee.name ?? '').localeCompare(b.payee.name ?? ''),
    ),
  );
  protected readonly shown = computed(() => {
    const query = normalisePayeeName(this.filter());
    return query === ''
      ? this.all()
      : this.all().filter((summary) =>
          normalisePayeeName(summary.payee.name ?? '').includes(query),
        );
  });
  protected readonly merged = computed(() => this.index().merged);
  protected readonly addForm = inject(NonNullableFormBuilder).group({ name: [''] });
  protected readonly addError = signal<string | null>(null);
  protected readonly added = signal<string | null>(null);

  protected async add(): Promise<void> {
    const name = this.addForm.controls.name.value;
    this.added.set(null);
    const existing = findPayeeByName(this.index(), name);
    if (existing) {
      this.addError.set(`${existing.payee.name} is already a payee.`);
      return;
    }
    let planned: ReturnType<typeof payeeForName>;
    try {
      planned = payeeForName(name, this.payees.entities());
    } catch (error) {
      this.addError.set(error instanceof RangeError ? `${error.message}.` : String(error));
      return;
    }
    this.addError.set(null);
    await this.actions.run(() => this.financeWrites.apply(planned.mutations));
    if (!this.actions.error()) {
      this.added.set(`Added ${this.index().byId.get(planned.payeeId)?.payee.name ?? name}.`);
      this.addForm.reset();
    }
  }

  /** A merge is one field on the merged payee; undoing it clears that field. */
  protected async unmerge(payeeId: string): Promise<void> {
    await this.actions.run(() => this.payees.update(payeeId, { mergedIntoId: null }));
  }
}
