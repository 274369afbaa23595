import { DOCUMENT } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  output,
} from '@angular/core';
import type { Account, Transaction } from '@finwise/domain';
import type { CategoryGroup } from '../data/views/category-groups';
import type { TransactionSide } from '../data/views/transaction-side';
import { SplitEditorComponent } from './split-editor.component';
import { TransactionFormComponent } from './transaction-form.component';

/**
 * The editor a register row turns into: the transaction's fields and, on its booking side, its
 * split lines. Escape cancels (unless a split line's own editor took it); it reports its
 * height so the register can make room for it.
 */
@Component({
  selector: 'fw-register-row-editor',
  imports: [TransactionFormComponent, SplitEditorComponent],
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

  constructor() {
    const host: HTMLElement = inject(ElementRef).nativeElement;
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

  protected onEscape(event: Event): void {
    if (!event.defaultPrevented) {
      event.preventDefault();
      this.done.emit(null);
    }
  }
}
