import { BreakpointObserver } from '@angular/cdk/layout';
import { ScrollingModule, CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import {
  afterNextRender,
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Transaction } from '@finwise/domain';
import { latestReconciliation, reconciledHistoryChanged } from '@finwise/finance';
import { map } from 'rxjs';
import { AccountsStore } from '../data/stores/accounts.store';
import { CategoriesStore } from '../data/stores/categories.store';
import { ReconciliationsStore } from '../data/stores/reconciliations.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import { accountBalance } from '../data/views/account-balance';
import { AccountsViewStore } from '../data/views/accounts-view.store';
import { CategoriesViewStore } from '../data/views/categories-view.store';
import { payeeName } from '../data/views/payee-index';
import { PayeesViewStore } from '../data/views/payees-view.store';
import type { TransactionSide } from '../data/views/transaction-side';
import { TransactionsViewStore } from '../data/views/transactions-view.store';
import { UndoService } from '../data/undo/undo.service';
import { DeleteConfirmation } from '../forms/delete-confirmation';
import { PageActions } from '../forms/page-actions';
import { USER_LOCALE } from '../shared/locale';
import { MoneyPipe } from '../shared/money/money.pipe';
import { ReconcileDialogComponent } from './reconcile-dialog.component';
import { editorSlots, withRowEditor, type RegisterViewItem } from './register-editor-items';
import { registerItems, type RegisterItem } from './register-items';
import { RegisterRowEditorComponent } from './register-row-editor.component';
import { RegisterSearch } from './search/register-search';
import { RegisterSearchComponent } from './search/register-search.component';
import { TransactionFormComponent } from './transaction-form.component';

/** Row heights the virtual scroll relies on; the CSS gives rows exactly these heights. */
const ROW_HEIGHT = { wide: 52, narrow: 96 } as const;
const NARROW_SCREEN = '(max-width: 640px)';
import { ExportCsvButtonComponent } from '../files/export-csv-button.component';
/** Room an editor gets before it has measured itself (roughly a wide screen's form). */
const EDITOR_START_HEIGHT = 320;

interface Editing {
  transaction: Transaction;
  side: TransactionSide;
  /** Opened from a link to the row's history: the editor shows it at once. */
  openHistory?: boolean;
}

/** One account's transactions, newest first, with running balance and inline add/edit/delete. */
@Component({
  selector: 'fw-register-page',
  imports: [
    ScrollingModule,
    RouterLink,
    MoneyPipe,
    TransactionFormComponent,
    RegisterRowEditorComponent,
    ReconcileDialogComponent,
    RegisterSearchComponent,
    ExportCsvButtonComponent,
  ],
  templateUrl: './register-page.component.html',
  styleUrl: './register-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterPageComponent {
  private readonly accounts = inject(AccountsStore);
  private readonly transactions = inject(TransactionsStore);
  private readonly undo = inject(UndoService);
  private readonly categories = inject(CategoriesStore);
  private readonly reconciliations = inject(ReconciliationsStore);
  private readonly payeeIndex = inject(PayeesViewStore).index;
  private readonly locale = inject(USER_LOCALE);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly accountId = input.required<string>();
  /** `?history=<transaction id>`: opens that row with its change history (sync notices link here). */
  readonly history = input<string | undefined>();
  private historyLinkOpened: string | null = null;

  protected readonly loaded = computed(() => this.accounts.loaded() && this.transactions.loaded());
  protected readonly account = computed(() => this.accounts.byId().get(this.accountId()));
  protected readonly allAccounts = inject(AccountsViewStore).sorted;
  protected readonly categoryGroups = inject(CategoriesViewStore).groups;
  protected readonly index = inject(TransactionsViewStore).index;
  /** This account's lines, oldest first. */
  protected readonly lines = computed(() => this.index().byAccount.get(this.accountId()) ?? []);
  /** Built from the previous items, so that an edit keeps the entries below it (see registerItems). */
  private readonly rows = linkedSignal({
    source: () => ({ lines: this.lines(), index: this.index() }),
    computation: ({ lines, index }, previous?: { value: RegisterItem[] }) =>
      registerItems(lines, index.childrenByParent, index.remainders, previous?.value),
  });
  protected readonly entryCount = computed(() => this.lines().length);
  protected readonly balance = computed(() => accountBalance(this.lines()));
  protected readonly lastReconciliation = computed(() =>
    latestReconciliation(this.reconciliations.entities(), this.accountId()),
  );
  /** A reconciled row changed after the last reconcile (an offline edit merged since). */
  protected readonly historyChanged = computed(() =>
    reconciledHistoryChanged({
      accountId: this.accountId(),
      transactions: this.transactions.entities(),
      accounts: this.accounts.entities(),
      reconciliations: this.reconciliations.entities(),
    }),
  );
  protected readonly reconciling = signal(false);
  /** What the last reconcile did, announced once the dialog closed. */
  protected readonly reconcileMessage = signal<string | null>(null);
  protected readonly currency = computed(() => this.account()?.currency ?? 'EUR');
  protected readonly search = new RegisterSearch(this.lines, this.index, this.rows, this.currency);

  protected readonly rowHeight = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((state) => (state.matches ? ROW_HEIGHT.narrow : ROW_HEIGHT.wide))),
    { initialValue: ROW_HEIGHT.wide },
  );

  /** The row being edited, as it was when editing began (the form compares against it). */
  protected readonly editing = signal<Editing | null>(null);
  private readonly editorHeight = signal(EDITOR_START_HEIGHT);
  private readonly editorSlots = computed(() => editorSlots(this.editorHeight(), this.rowHeight()));
  /** The register's rows, the edited one opened in place. */
  protected readonly items = computed(() =>
    withRowEditor(
      this.search.rowsShown(),
      this.editing()?.transaction.id ?? null,
      this.editorSlots(),
    ),
  );
  /** Rows a screen reader counts: fillers under the editor are not rows. */
  protected readonly rowCount = computed(
    () => this.items().filter((item) => item.kind !== 'filler').length,
  );

  /** Short lists get a short viewport; CSS caps long ones at a share of the screen height. */
  protected readonly viewportHeight = computed(
    () => Math.max(this.items().length, 1) * this.rowHeight() + 2,
  );
  /** Keeps the whole editor rendered while any of it is in view. */
  protected readonly minBufferPx = computed(() =>
    Math.max(this.rowHeight() * 8, (this.editorSlots() + 2) * this.rowHeight()),
  );
  protected readonly maxBufferPx = computed(() => this.minBufferPx() + this.rowHeight() * 8);

  /** The edited row as it is now; splits only on the booking side. */
  protected readonly splitParent = computed(() => {
    const editing = this.editing();
    const current = editing && this.transactions.byId().get(editing.transaction.id);
    return current && !editing.side.isTransferSide && !current.transferAccountId ? current : null;
  });
  protected readonly splitLines = computed(() => {
    const parent = this.splitParent();
    return parent ? (this.index().childrenByParent.get(parent.id) ?? []) : [];
  });
  protected readonly deleting = new DeleteConfirmation();
  protected readonly actions = new PageActions();
  private readonly viewport = viewChild(CdkVirtualScrollViewport);

  constructor() {
    // A row deleted meanwhile (here or on another device) closes its editor.
    effect(() => {
      const editing = this.editing();
      if (
        editing &&
        this.transactions.loaded() &&
        !this.transactions.byId().get(editing.transaction.id)
      ) {
        untracked(() => this.editing.set(null));
      }
    });
    effect(() => {
      const id = this.history();
      if (!id || !this.loaded() || this.historyLinkOpened === id) {
        return;
      }
      const lines = this.lines();
      const row = this.transactions.byId().get(id);
      // A split line's history is reached through its parent, the row the register shows.
      const line =
        lines.find((candidate) => candidate.transaction.id === id) ??
        lines.find((candidate) => candidate.transaction.id === row?.parentId);
      if (line) {
        this.historyLinkOpened = id;
        untracked(() => this.openWithHistory(line.transaction, line.side));
      }
    });
    // The viewport caches its size; tell it when a height change (more rows, rotation) lands.
    afterRenderEffect(() => {
      this.viewportHeight();
      this.viewport()?.checkViewportSize();
    });
  }

  private readonly dateFormat = computed(
    () => new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  );

  protected payeeOf(transaction: Transaction): string {
    return payeeName(this.payeeIndex(), transaction.payeeId) ?? '';
  }

  protected openReconcile(): void {
    this.editing.set(null);
    this.reconcileMessage.set(null);
    this.reconciling.set(true);
  }

  protected closeReconcile(message: string | null): void {
    this.reconciling.set(false);
    this.reconcileMessage.set(message);
    afterNextRender(
      () => this.host.querySelector<HTMLElement>('[data-test="reconcile-open"]')?.focus(),
      { injector: this.injector },
    );
  }

  /** Clears search and filters; the button goes with the empty result, so focus goes to the box. */
  protected showAll(): void {
    this.search.clear();
    afterNextRender(
      () => this.host.querySelector<HTMLElement>('[data-test="register-search"]')?.focus(),
      { injector: this.injector },
    );
  }

  protected formatDate(date: string | null): string {
    return date ? this.dateFormat().format(new Date(`${date}T00:00:00Z`)) : '';
  }

  protected accountName(id: string | null): string {
    return (id && this.accounts.byId().get(id)?.name) || 'a deleted account';
  }

  protected categoryName(id: string | null): string {
    if (!id) {
      return '';
    }
    return this.categories.byId().get(id)?.name ?? 'Unknown category';
  }

  protected trackItem(_index: number, item: RegisterViewItem): string {
    return item.key;
  }

  /** Opens the row's editor where the row is; the list does not jump. */
  protected edit(transaction: Transaction, side: TransactionSide): void {
    this.deleting.disarm();
    this.editing.set({ transaction, side });
    afterNextRender(() => this.revealEditor(), { injector: this.injector });
  }

  /** Opens a row far down the list with its history: scrolls it into the rendered range first. */
  private openWithHistory(transaction: Transaction, side: TransactionSide): void {
    this.search.clear();
    this.deleting.disarm();
    this.editing.set({ transaction, side, openHistory: true });
    afterNextRender(
      () => {
        const at = this.items().findIndex((item) => item.key === transaction.id);
        if (at >= 0) {
          this.viewport()?.scrollToIndex(at);
        }
        // The virtual scroll renders the new range on a later frame.
        requestAnimationFrame(() => this.revealEditor());
      },
      { injector: this.injector },
    );
  }

  /**
   * Scrolls as little as possible to show the opened editor; one taller than the screen (a
   * phone) starts right under the sticky bar, so its first field is where the user looks.
   */
  private revealEditor(): void {
    const editor = this.host.querySelector<HTMLElement>('fw-register-row-editor');
    const view = this.host.ownerDocument.defaultView;
    if (!editor || !view) {
      return;
    }
    const sticky = parseFloat(
      view
        .getComputedStyle(this.host.ownerDocument.documentElement)
        .getPropertyValue('--fw-sticky-offset'),
    );
    const room = view.innerHeight - (Number.isFinite(sticky) ? sticky : 0);
    editor.scrollIntoView({ block: editor.offsetHeight > room ? 'start' : 'nearest' });
  }

  protected editorResized(heightPx: number): void {
    if (heightPx > 0) {
      this.editorHeight.set(heightPx);
    }
  }

  /** Split lines read their date and account through the parent: nothing to carry over. */
  protected finishEditing(): void {
    const before = this.editing()?.transaction;
    this.editing.set(null);
    if (before) {
      this.focusRow(before.id);
    }
  }

  protected async toggleCleared(transaction: Transaction, side: TransactionSide): Promise<void> {
    const patch = side.isTransferSide
      ? { transferCleared: !side.cleared }
      : { cleared: !side.cleared };
    await this.actions.run(() => this.transactions.update(transaction.id, patch));
  }

  /** First press arms, a second press on the same row deletes (with its split lines). */
  protected async remove(transaction: Transaction): Promise<void> {
    if (!this.deleting.confirm(transaction.id)) {
      return;
    }
    if (this.editing()?.transaction.id === transaction.id) {
      this.editing.set(null);
    }
    const children = this.index().childrenByParent.get(transaction.id) ?? [];
    const rows = [...children, transaction].map(({ id }) => ({ modelName: 'transactions', id }));
    const neighbour = this.neighbourEntry(transaction.id);
    // Held for the Undo offer's few seconds, then written (with its split lines) as one batch.
    await this.actions.run(() => this.undo.delete('Transaction deleted.', rows));
    // The focused button went with its row; the toast must not take focus, the next row does.
    if (neighbour) {
      this.focusRow(neighbour);
    }
  }

  /** The key of the entry after this one (or before it, for the last), for focus to go to. */
  private neighbourEntry(key: string): string | null {
    const entries = this.items().filter((item) => item.kind === 'entry');
    const at = entries.findIndex((item) => item.key === key);
    if (at < 0) {
      return null;
    }
    return (entries[at + 1] ?? entries[at - 1])?.key ?? null;
  }

  /** Cancel disappears with the armed state: focus goes back to the row's Delete button. */
  protected cancelDelete(key: string): void {
    this.deleting.disarm();
    afterNextRender(
      () => this.host.querySelector<HTMLElement>(`[data-key="${key}"] .register__delete`)?.focus(),
      { injector: this.injector },
    );
  }

  /** Focus follows a closed editor back to its row, scrolling it into view if it moved away. */
  private focusRow(id: string): void {
    const find = () => this.host.querySelector<HTMLElement>(`[data-key="${id}"] .register__edit`);
    afterNextRender(
      () => {
        const button = find();
        if (button) {
          button.focus();
          return;
        }
        const at = this.items().findIndex((item) => item.key === id);
        if (at < 0) {
          return;
        }
        this.viewport()?.scrollToIndex(at);
        // The virtual scroll renders the new range on a later frame.
        let frames = 10;
        const retry = () => {
          const scrolledTo = find();
          if (scrolledTo) {
            scrolledTo.focus();
          } else if (--frames > 0) {
            requestAnimationFrame(retry);
          }
        };
        requestAnimationFrame(retry);
      },
      { injector: this.injector },
    );
  }
}
