import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { budgets } from '@finwise/domain';
import { syncedRow } from '../../testing/rows';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { BudgetsStore } from './budgets.store';

describe('BudgetsStore', () => {
  it('mirrors the household’s budgets and writes through the sync client', async () => {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(BudgetsStore);
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const row = syncedRow(budgets, 1);
    sync.client().seed('budgets', [row]);
    await settle();
    expect(store.entities()).toEqual([row]);

    await store.update(row.id, {});
    await settle();
    expect(sync.client().calls).toContain(`update budgets ${row.id} {}`);
  });
});
