import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { categories } from '@finwise/domain';
import { syncedRow } from '../../testing/rows';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { CategoriesStore } from './categories.store';

describe('CategoriesStore', () => {
  it('mirrors the household’s categories and writes through the sync client', async () => {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    const store = TestBed.inject(CategoriesStore);
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
      TestBed.tick();
    };
    await settle();
    const row = syncedRow(categories, 1);
    sync.client().seed('categories', [row]);
    await settle();
    expect(store.entities()).toEqual([row]);

    await store.remove(row.id);
    await settle();
    expect(sync.client().calls).toContain(`delete categories ${row.id}`);
  });
});
