import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { starterCategoryId, starterCategoryRows } from '@finwise/finance';
import { setUpFakeSync, type FakeSync } from '../testing/fake-sync-setup';
import { StarterCategories } from './starter-categories.service';

describe('StarterCategories', () => {
  let sync: FakeSync;

  const settle = async () => {
    for (let round = 0; round < 3; round += 1) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
    }
  };

  it('writes the starter set once: a second run keeps renamed rows and adds no duplicates', async () => {
    sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    const starter = TestBed.inject(StarterCategories);
    await settle();

    await starter.addOnceOpen();
    const rows = sync.client().rows.get('categories');
    expect([...(rows?.keys() ?? [])]).toEqual(starterCategoryRows().map((row) => row.id));

    const groceries = starterCategoryId('groceries');
    rows?.set(groceries, { ...rows.get(groceries)!, name: 'Food' });
    await starter.add();
    expect(rows?.size).toBe(starterCategoryRows().length);
    expect(rows?.get(groceries)).toMatchObject({ name: 'Food', groupName: 'Everyday' });
  });
});
