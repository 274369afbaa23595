import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { mergePayee, tidyPayeeName } from '@finwise/finance';
import { FinanceWrites } from '../data/finance-writes/finance-writes.service';
import { PayeesStore } from '../data/stores/payees.store';
import type { CategoryGroup } from '../data/views/category-groups';
import type { PayeeSummary } from '../data/views/payee-index';
import { PayeesViewStore } from '../data/views/payees-view.store';
import { FormActionsComponent } from '../forms/form-actions/form-actions.component';
import { PageActions } from '../forms/page-actions';
import { renameProblem, transactionCount } from './payee-names';

/**
 * One payee of the payees page: rename, default category, favorite, and merge into another
 * payee (one write on this payee: its transactions follow on read). Payees are never deleted.
 */
@Component({
  selector: 'fw-payee-item',
  imports: [ReactiveFormsModule, FormActionsComponent],
  templateUrl: './payee-item.component.html',
  styleUrl: './payee-item.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PayeeItemComponent {
  private readonly payees = inject(PayeesStore);
  private readonly index = inject(PayeesViewStore).index;
  private readonly financeWrites = inject(FinanceWrites);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly summary = input.required<PayeeSummary>();
  /** Every payee it could be merged into (itself included; left out here). */
  readonly payeeList = input<readonly PayeeSummary[]>([]);
  readonly categoryGroups = input<readonly CategoryGroup[]>([]);

  protected readonly actions = new PageActions();
  protected readonly id = computed(() => `payee-${this.summary().payee.id}`);
  protected readonly name = computed(() => this.summary().payee.name ?? '');
  protected readonly uses = computed(() => transactionCount(this.summary().useCount));
  protected readonly mergeTargets = computed(() =>
    this.payeeList().filter((other) => other.payee.id !== this.summary().payee.id),
  );
  protected readonly renaming = signal(false);
  protected readonly renameError = signal<string | null>(null);
  /** Merge step: choosing the target, then confirming it. */
  protected readonly merging = signal<'choose' | 'confirm' | null>(null);
  protected readonly mergeTarget = computed(() =>
    this.mergeTargets().find((other) => other.payee.id === this.mergeForm.controls.intoId.value),
  );
  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly renameForm = this.formBuilder.group({ name: [''] });
  protected readonly mergeForm = this.formBuilder.group({ intoId: [''] });

  protected startRename(): void {
    this.merging.set(null);
    this.renameForm.setValue({ name: this.name() });
    this.renameError.set(null);
    this.renaming.set(true);
    this.focus('-rename');
  }

  protected stopRename(): void {
    this.renaming.set(false);
    this.renameError.set(null);
    this.focus('-rename-button');
  }

  protected async rename(): Promise<void> {
    const name = tidyPayeeName(this.renameForm.controls.name.value);
    const problem = renameProblem(this.index(), this.summary().payee.id, name);
    if (problem) {
      this.renameError.set(problem);
      return;
    }
    if (name !== this.name()) {
      await this.actions.run(() => this.payees.update(this.summary().payee.id, { name }));
    }
    if (!this.actions.error()) {
      this.stopRename();
    }
  }

  protected async toggleFavorite(): Promise<void> {
    const favorite = this.summary().payee.favorite !== true;
    await this.actions.run(() => this.payees.update(this.summary().payee.id, { favorite }));
  }

  protected async setDefaultCategory(categoryId: string): Promise<void> {
    const defaultCategoryId = categoryId || null;
    if (defaultCategoryId === (this.summary().payee.defaultCategoryId ?? null)) {
      return;
    }
    await this.actions.run(() =>
      this.payees.update(this.summary().payee.id, { defaultCategoryId }),
    );
  }

  protected startMerge(): void {
    this.renaming.set(false);
    this.mergeForm.reset({ intoId: '' });
    this.merging.set('choose');
    this.focus('-merge-into');
  }

  protected askMerge(): void {
    if (!this.mergeTarget()) {
      this.actions.fail('Choose the payee to merge into.');
      return;
    }
    this.actions.clear();
    this.merging.set('confirm');
    this.focus('-merge-confirm');
  }

  protected cancelMerge(): void {
    this.merging.set(null);
    this.focus('-merge-button');
  }

  protected async merge(): Promise<void> {
    const target = this.mergeTarget();
    if (!target) {
      return;
    }
    await this.actions.run(() =>
      this.financeWrites.apply(mergePayee(this.summary().payee.id, target.payee.id)),
    );
    this.merging.set(null);
  }

  private focus(suffix: string): void {
    afterNextRender(
      () => this.host.querySelector<HTMLElement>(`[id="${this.id()}${suffix}"]`)?.focus(),
      { injector: this.injector },
    );
  }
}
