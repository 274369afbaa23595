import { computed, inject, signal, type Signal } from '@angular/core';
import { AccountsStore } from '../../data/stores/accounts.store';
import { CategoriesStore } from '../../data/stores/categories.store';
import type { LedgerLine, TransactionIndex } from '../../data/views/transaction-index';
import { PayeesViewStore } from '../../data/views/payees-view.store';
import { USER_LOCALE } from '../../shared/locale';
import { localeSeparators, minorDigits } from '../../shared/money/currency';
import type { RegisterItem } from '../register-items';
import { blockStarts, filteredRegisterItems } from './filtered-register-items';
import { EMPTY_REGISTER_QUERY, isEmptyQuery, type RegisterQuery } from './register-query';
import { buildRegisterSearchIndex } from './register-search-index';
import { searchNames } from './search-names';
import { searchRegister } from './search-register';

/**
 * One register's search state. The register already holds every row in memory (the
 * transactions store mirrors the local table through one live query), so the search does not
 * query IndexedDB again: it builds an inverted index of the account's lines in memory, once per
 * change of the data and only while a search or filter is in use or the box has focus (signals
 * are lazy). A keystroke then reads posting lists; the empty query is the register's own rows,
 * untouched. Create it in an injection context.
 */
export class RegisterSearch {
  readonly query = signal<RegisterQuery>(EMPTY_REGISTER_QUERY);
  readonly active = computed(() => !isEmptyQuery(this.query()));

  private readonly payees = inject(PayeesViewStore).index;
  private readonly categories = inject(CategoriesStore).entities;
  private readonly accounts = inject(AccountsStore).entities;
  private readonly decimalSeparator = localeSeparators(inject(USER_LOCALE)).decimal;

  private readonly index = computed(() =>
    buildRegisterSearchIndex(
      this.lines(),
      this.transactions().childrenByParent,
      this.transactions().remainders,
    ),
  );
  private readonly starts = computed(() => blockStarts(this.rows()));
  private readonly names = computed(() =>
    searchNames(this.payees(), this.categories(), this.accounts()),
  );
  /** Matched positions, or null when nothing is asked (every row shows). */
  private readonly matches = computed(() =>
    this.active()
      ? searchRegister(this.index(), this.query(), this.names(), {
          minorDigits: minorDigits(this.currency()),
          decimalSeparator: this.decimalSeparator,
        })
      : null,
  );
  /** Rows the register shows: all of them, or the matches with their split lines. */
  readonly rowsShown = computed(() => {
    const matches = this.matches();
    return matches ? filteredRegisterItems(this.rows(), this.starts(), matches) : this.rows();
  });
  /** Transactions that match, or null without a search. */
  readonly matchCount = computed(() => this.matches()?.length ?? null);

  constructor(
    private readonly lines: Signal<readonly LedgerLine[]>,
    private readonly transactions: Signal<TransactionIndex>,
    private readonly rows: Signal<readonly RegisterItem[]>,
    private readonly currency: Signal<string>,
  ) {}

  /** Builds the index ahead of the first keystroke (the box got focus). */
  prepare(): void {
    setTimeout(() => {
      this.index();
      this.starts();
      this.names();
    });
  }

  clear(): void {
    this.query.set(EMPTY_REGISTER_QUERY);
  }
}
