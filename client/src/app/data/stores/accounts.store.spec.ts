import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { accounts } from '@finwise/domain';
import { syncedRow } from '../../testing/rows';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { AccountsStore } from './accounts.store';

describe('AccountsStore', () => {
  it('mirrors the household’s accounts and writes through the sync client', async () => {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(AccountsStore);
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const row = syncedRow(accounts, 1);
    sync.client().seed('accounts', [row]);
    await settle();
    expect(store.entities()).toEqual([row]);

    await store.remove(row.id);
    await settle();
    expect(sync.client().calls).toContain(`delete accounts ${row.id}`);
  });
});
