import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Category } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { categoryRow } from '../../testing/rows';
import { AuthService } from '../auth/auth.service';
import { HeldDeletes } from '../held-deletes/held-deletes';
import { LiveRowsService } from '../sync-client/live-rows.service';
import { setUpFakeSync, TEST_SESSION, type FakeSync } from '../testing/fake-sync-setup';
import { withSyncedEntity } from './with-synced-entity';

const TestCategoriesStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Category>('categories'),
);

const settle = async () => {
  TestBed.tick();
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
};

describe('withSyncedEntity', () => {
  let sync: FakeSync;

  function setUp(): InstanceType<typeof TestCategoriesStore> {
    TestBed.configureTestingModule({
      providers: [...sync.providers, provideHttpClient(), provideHttpClientTesting()],
    });
    return TestBed.inject(TestCategoriesStore);
  }

  beforeEach(() => (sync = setUpFakeSync()));

  it('mirrors the live rows of its entity from the sync client', async () => {
    const store = setUp();
    expect(store.loaded()).toBe(false);
    await settle();

    const rent = categoryRow({ name: 'Rent' });
    sync.client().seed('categories', [rent]);
    sync.client().seed('accounts', [{ id: 'not-a-category' }]);
    await settle();

    expect(store.loaded()).toBe(true);
    expect(store.entities()).toEqual([rent]);
    expect(store.byId().get(rent.id)?.name).toBe('Rent');
  });

  it('writes through the sync client and sees its own write come back', async () => {
    const store = setUp();
    await settle();

    const created = await store.create({
      name: 'Fuel',
      groupName: 'Car',
      isIncome: false,
      hidden: false,
      sortOrder: 1,
    });
    await store.update(created.id, { hidden: true });
    await settle();

    expect(store.entities()).toHaveLength(1);
    expect(store.entities()[0]).toMatchObject({ name: 'Fuel', hidden: true });

    await store.remove(created.id);
    await settle();
    expect(store.entities()).toEqual([]);
    expect(sync.client().calls.filter((call) => call.startsWith('delete categories'))).toHaveLength(
      1,
    );
  });

  it('empties and unsubscribes on sign-out, and follows a household switch', async () => {
    const store = setUp();
    await settle();
    const first = sync.client();
    first.seed('categories', [categoryRow()]);
    await settle();
    expect(store.entities()).toHaveLength(1);

    const auth = TestBed.inject(AuthService);
    (auth as unknown as { update(session: unknown): void }).update({
      ...TEST_SESSION,
      tenant: { id: '7a1c1a86-2f2e-4a43-9a40-1e7bb1f0c002', name: 'Babbage' },
    });
    await settle();

    expect(first.stopped).toBe(true);
    expect(first.observerCount('categories')).toBe(0);
    expect(sync.clients).toHaveLength(2);
    expect(sync.client().options.tenantId).toBe('7a1c1a86-2f2e-4a43-9a40-1e7bb1f0c002');
    expect(store.entities()).toEqual([]);
    expect(store.loaded()).toBe(true);

    auth.signOut();
    await settle();
    expect(sync.client().stopped).toBe(true);
    expect(store.loaded()).toBe(false);
    await expect(store.create({ name: 'x' })).rejects.toThrow('Sign in');
  });

  it("hands out the live query's own rows, copying none, and leaves out held deletes", async () => {
    const store = setUp();
    await settle();
    const rent = categoryRow({ name: 'Rent' });
    const fuel = categoryRow({ name: 'Fuel' });
    sync.client().seed('categories', [rent, fuel]);
    await settle();
    const live = TestBed.inject(LiveRowsService).of('categories');

    // A large household's rows are not copied into store state on every change.
    expect(store.entities()).toBe(live());
    expect(store.byId().get(fuel.id)).toBe(live()?.[1]);

    const held = TestBed.inject(HeldDeletes);
    held.hold([{ modelName: 'categories', id: rent.id }]);
    expect(store.entities().map((row) => row.name)).toEqual(['Fuel']);
    expect(store.byId().get(rent.id)).toBeUndefined();

    held.release([{ modelName: 'categories', id: rent.id }]);
    expect(store.entities()).toBe(live());
  });

  it('words the shared schema issues per field', () => {
    const store = setUp();
    const errors = store.validate(
      'create',
      {
        id: categoryRow().id,
        name: '',
        groupName: 'Home',
        isIncome: false,
        hidden: false,
        sortOrder: 1,
      },
      { name: 'Name' },
    );
    expect(errors).toEqual({ name: 'Name must not be empty.' });
    expect(store.validate('create', { ...categoryRow(), createdAt: undefined }, {})).not.toEqual(
      {},
    );
  });
});
