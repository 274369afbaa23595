import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { setUpFakeSync } from '../../data/testing/fake-sync-setup';
import { indexTransactions } from '../../data/views/transaction-index';
import { USER_LOCALE } from '../../shared/locale';
import { accountRow, transactionRow } from '../../testing/rows';
import { registerItems } from '../register-items';
import { EMPTY_REGISTER_QUERY } from './register-query';
import { RegisterSearch } from './register-search';

describe('RegisterSearch', () => {
  const checking = accountRow({ name: 'Checking', currency: 'EUR' });
  const ledger = indexTransactions(
    [
      transactionRow({ accountId: checking.id, date: '2026-01-01', amountMinor: -1250 }),
      transactionRow({ accountId: checking.id, date: '2026-01-02', amountMinor: -300 }),
    ],
    [checking],
  );
  const accountLines = ledger.byAccount.get(checking.id) ?? [];

  function setUp() {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [
        ...sync.providers,
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: USER_LOCALE, useValue: 'en-US' },
      ],
    });
    let linesRead = 0;
    const lines = computed(() => {
      linesRead += 1;
      return accountLines;
    });
    const rows = signal(registerItems(accountLines, ledger.childrenByParent, ledger.remainders));
    const search = TestBed.runInInjectionContext(
      () => new RegisterSearch(lines, signal(ledger), rows, signal('EUR')),
    );
    return { search, rows, linesRead: () => linesRead };
  }

  it('shows the register rows themselves without a search, building no index', () => {
    const { search, rows, linesRead } = setUp();
    expect(search.rowsShown()).toBe(rows());
    expect(search.matchCount()).toBeNull();
    expect(linesRead()).toBe(0);
  });

  it('builds the index on the first search and shows only the matches', () => {
    const { search, linesRead } = setUp();
    search.query.set({ ...EMPTY_REGISTER_QUERY, text: '12.50' });
    expect(
      search.rowsShown().map((item) => item.kind === 'entry' && item.side.amountMinor),
    ).toEqual([-1250]);
    expect(search.matchCount()).toBe(1);
    expect(linesRead()).toBe(1);
    search.clear();
    expect(search.matchCount()).toBeNull();
  });
});
