import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { transactions } from '@finwise/domain';
import { syncedRow } from '../../testing/rows';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { TransactionsStore } from './transactions.store';

describe('TransactionsStore', () => {
  it('mirrors the household’s transactions and writes through the sync client', async () => {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(TransactionsStore);
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const row = syncedRow(transactions, 1);
    sync.client().seed('transactions', [row]);
    await settle();
    expect(store.entities()).toEqual([row]);

    await store.remove(row.id);
    await settle();
    expect(sync.client().calls).toContain(`delete transactions ${row.id}`);
  });
});
