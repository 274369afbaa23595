import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { budgetMoves } from '@finwise/domain';
import { syncedRow } from '../../testing/rows';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { BudgetMovesStore } from './budget-moves.store';

describe('BudgetMovesStore', () => {
  it('mirrors the household’s budget moves and writes through the sync client', async () => {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(BudgetMovesStore);
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const row = syncedRow(budgetMoves, 1);
    sync.client().seed('budget_moves', [row]);
    await settle();
    expect(store.entities()).toEqual([row]);

    await store.remove(row.id);
    await settle();
    expect(sync.client().calls).toContain(`delete budget_moves ${row.id}`);
  });
});
