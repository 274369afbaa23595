import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  computed,
  ElementRef,
  inject,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { transactions, type Account, type Transaction } from '@finwise/domain';
import { AccountsStore } from '../data/stores/accounts.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import type { CategoryGroup } from '../data/views/category-groups';
import type { TransactionSide } from '../data/views/transaction-side';
import { HistoryPanelComponent } from '../forms/history-panel/history-panel.component';
import { SplitEditorComponent } from './split-editor.component';
import { canUnmatch } from './import-unmatch.service';
import { TransactionFormComponent } from './transaction-form.component';
import { UnmatchImportComponent } from './unmatch-import.component';

/**
 * The editor a register row turns into: the transaction's fields and, on its booking side, its
 * split lines. Escape cancels (unless a split line's own editor took it); it reports its
 * height so the register can make room for it.
 */
@Component({
  selector: 'fw-register-row-editor',
  imports: [
    TransactionFormComponent,
    SplitEditorComponent,
    HistoryPanelComponent,
    UnmatchImportComponent,
  ],
  template: `
    <div class="row-editor">
      <fw-transaction-form
        [account]="account()"
        [accounts]="accounts()"
        [categoryGroups]="categoryGroups()"
        [transaction]="transaction()"
        [side]="side()"
        (done)="done.emit($event)"
      />
      @if (splitParent(); as parent) {
        <fw-split-editor
          class="row-editor__splits"
          [parent]="parent"
          [lines]="splitLines()"
          [categoryGroups]="categoryGroups()"
          [currency]="account().currency ?? 'EUR'"
        />
      }
      @if (unmatchable(); as matched) {
        <fw-unmatch-import
          class="row-editor__unmatch"
          [transaction]="matched"
          [currency]="account().currency ?? 'EUR'"
          (unmatched)="done.emit(null)"
        />
      }
      <div class="row-editor__history">
        @if (showingHistory()) {
          <fw-history-panel
            [entity]="transactionEntity"
            [rowId]="transaction().id"
            [store]="transactionsStore"
            [current]="currentRow()"
            [currencies]="currencies()"
            (closed)="closeHistory()"
          />
        } @else {
          <button
            type="button"
            class="fw-button fw-button--secondary fw-button--small"
            (click)="showingHistory.set(true)"
          >
            History<span class="visually-hidden"> of this transaction</span>
          </button>
        }
      </div>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .row-editor {
      display: grid;
      gap: var(--fw-space);
      padding: 0.75rem;
    }
    .row-editor__history {
      padding-top: 0.75rem;
      border-top: 1px solid var(--fw-color-border);
    }
    .row-editor__unmatch,
    .row-editor__splits {
      display: block;
      padding-top: 0.75rem;
      border-top: 1px solid var(--fw-color-border);
    }
  `,
  host: { '(keydown.escape)': 'onEscape($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterRowEditorComponent {
  readonly account = input.required<Account>();
  readonly accounts = input<readonly Account[]>([]);
  readonly categoryGroups = input<readonly CategoryGroup[]>([]);
  /** The row as it was when editing began: the form writes only what changed since. */
  readonly transaction = input.required<Transaction>();
  readonly side = input.required<TransactionSide>();
  /** The row as it is now, when its split lines can be edited here (booking side only). */
  readonly splitParent = input<Transaction | null>(null);
  readonly splitLines = input<readonly Transaction[]>([]);
  readonly done = output<Transaction | null>();
  readonly heightChange = output<number>();

  protected readonly transactionEntity = transactions;
  protected readonly transactionsStore = inject(TransactionsStore);
  private readonly accountsStore = inject(AccountsStore);
  /** Opens with the row's history shown (a link to the row's history). */
  readonly openHistory = input(false);
  protected readonly showingHistory = linkedSignal(() => this.openHistory());
  private readonly injector = inject(Injector);
  /** The row as it is now, for the history to tell which values it already holds. */
  protected readonly currentRow = computed(
    () => this.transactionsStore.byId().get(this.transaction().id) ?? null,
  );
  /** The row as it is now, when an import matched it on this account's side (research D7). */
  protected readonly unmatchable = computed(() => {
    const row = this.currentRow();
    return row && !this.side().isTransferSide && canUnmatch(row) ? row : null;
  });
  /** Each amount in the currency of the account that books it. */
  protected readonly currencies = computed(() => {
    const row = this.currentRow() ?? this.transaction();
    const accounts = this.accountsStore.byId();
    const booking = (row.accountId && accounts.get(row.accountId)?.currency) || 'EUR';
    const transfer =
      (row.transferAccountId && accounts.get(row.transferAccountId)?.currency) || booking;
    return { amountMinor: booking, transferAmountMinor: transfer };
  });
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  constructor() {
    const host = this.host;
    const view = inject(DOCUMENT).defaultView;
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      this.heightChange.emit(host.offsetHeight);
      if (!view || typeof view.ResizeObserver !== 'function') {
        return;
      }
      const observer = new view.ResizeObserver(() => this.heightChange.emit(host.offsetHeight));
      observer.observe(host);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }

  /** Focus goes back to the button that opened the history. */
  protected closeHistory(): void {
    this.showingHistory.set(false);
    afterNextRender(
      () => this.host.querySelector<HTMLElement>('.row-editor__history button')?.focus(),
      { injector: this.injector },
    );
  }

  protected onEscape(event: Event): void {
    if (!event.defaultPrevented) {
      event.preventDefault();
      this.done.emit(null);
    }
  }
}
