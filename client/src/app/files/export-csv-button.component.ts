import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { exportFileName, transactionsCsv } from '@finwise/import';
import { AccountsStore } from '../data/stores/accounts.store';
import { CategoriesStore } from '../data/stores/categories.store';
import { PayeesStore } from '../data/stores/payees.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import { localDate } from '../shared/dates/month';
import { FileSaver } from './file-saver';

/**
 * Downloads transactions as CSV (FINANCE §5), built here from this device's rows with the same
 * `transactionsCsv` the server uses, so it works offline: one account's, or every account's.
 */
@Component({
  selector: 'fw-export-csv-button',
  template: `
    <button
      type="button"
      class="fw-button fw-button--secondary"
      data-test="export-csv"
      [disabled]="!loaded()"
      (click)="download()"
    >
      {{ label() }}
    </button>
    <span class="visually-hidden" role="status">{{ message() }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportCsvButtonComponent {
  private readonly accounts = inject(AccountsStore);
  private readonly transactions = inject(TransactionsStore);
  private readonly categories = inject(CategoriesStore);
  private readonly payees = inject(PayeesStore);
  private readonly saver = inject(FileSaver);

  /** One account; absent = every account of the household. */
  readonly accountId = input<string | undefined>(undefined);

  protected readonly loaded = computed(() => this.accounts.loaded() && this.transactions.loaded());
  protected readonly label = computed(() =>
    this.accountId() === undefined ? 'Export all accounts' : 'Export CSV',
  );
  protected readonly message = signal('');

  protected download(): void {
    const accountId = this.accountId();
    const account =
      accountId === undefined
        ? undefined
        : this.accounts.entities().find((a) => a.id === accountId);
    const csv = transactionsCsv({
      transactions: this.transactions.entities(),
      accounts: this.accounts.entities(),
      categories: this.categories.entities(),
      payees: this.payees.entities(),
      accountId,
    });
    const fileName = exportFileName(
      accountId === undefined ? undefined : (account?.name ?? null),
      localDate(new Date()),
    );
    this.saver.save(fileName, csv, 'text/csv;charset=utf-8');
    const lines = csv.split('\r\n').length - 2;
    this.message.set(`Exported ${lines} ${lines === 1 ? 'line' : 'lines'} to ${fileName}.`);
  }
}
