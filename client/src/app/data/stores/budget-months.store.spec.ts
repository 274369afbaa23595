import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { budgetMonths } from '@finwise/domain';
import { syncedRow } from '../../testing/rows';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { BudgetMonthsStore } from './budget-months.store';

describe('BudgetMonthsStore', () => {
  it('mirrors the household’s budget months and writes through the sync client', async () => {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(BudgetMonthsStore);
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const row = syncedRow(budgetMonths, 1);
    sync.client().seed('budget_months', [row]);
    await settle();
    expect(store.entities()).toEqual([row]);

    await store.update(row.id, {});
    await settle();
    expect(sync.client().calls).toContain(`update budget_months ${row.id} {}`);
  });
});
