import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { categoryRow } from '../../testing/rows';
import { CategoriesStore } from '../stores/categories.store';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { LiveRowsService } from './live-rows.service';

describe('LiveRowsService', () => {
  const settle = async () => {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };

  it('answers every reader of an entity from one live query', async () => {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    const live = TestBed.inject(LiveRowsService);
    const rows = live.of('categories');
    const store = TestBed.inject(CategoriesStore);
    expect(rows()).toBeNull();
    await settle();

    const rent = categoryRow({ name: 'Rent' });
    sync.client().seed('categories', [rent]);
    await settle();

    expect(live.of('categories')).toBe(rows);
    expect(rows()).toEqual([rent]);
    expect(store.entities()).toEqual([rent]);
    expect(sync.client().observerCount('categories')).toBe(1);
  });
});
