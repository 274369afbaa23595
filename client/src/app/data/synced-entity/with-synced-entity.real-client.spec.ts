import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { createSyncClient, type SyncClient, type SyncClientOptions } from '@finwise/sync-client';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { accountRow } from '../../testing/rows';
import { installStructuredClone } from '../../testing/structured-clone';
import { SESSION_STORAGE_KEY } from '../auth/auth.service';
import { TransactionsStore } from '../stores/transactions.store';
import { rowChanges } from '../sync-client/row-changes';
import { SYNC_CLIENT_FACTORY } from '../sync-client/sync-client-factory';
import { SyncClientService } from '../sync-client/sync-client.service';
import { TEST_SESSION } from '../testing/fake-sync-setup';

/**
 * The signal store feature on the real engine (Dexie on fake-indexeddb, outbox, live queries)
 * rather than the in-memory fake: what the store shows is what the local database holds,
 * writes are queued for the server, and a reload finds both still there. No server runs, so
 * the client stays offline throughout, as a device without network does.
 */
describe('withSyncedEntity on the real sync client', () => {
  // Nothing listens on port 9: connecting fails at once and the client works offline.
  const OFFLINE_URL = 'http://127.0.0.1:9';
  let indexedDB: IDBFactory;
  let clients: SyncClient[];

  beforeAll(() => installStructuredClone());

  beforeEach(() => {
    indexedDB = new IDBFactory();
    clients = [];
    localStorage.clear();
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(TEST_SESSION));
  });

  afterEach(async () => {
    await Promise.all(clients.map((client) => client.stop().catch(() => undefined)));
  });

  function boot(): InstanceType<typeof TransactionsStore> {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: SYNC_CLIENT_FACTORY,
          useValue: (options: SyncClientOptions) => {
            const client = createSyncClient({
              ...options,
              url: OFFLINE_URL,
              clientId: 'store-test-device',
              indexedDB,
              IDBKeyRange,
            });
            clients.push(client);
            return client;
          },
        },
      ],
    });
    TestBed.inject(SyncClientService);
    return TestBed.inject(TransactionsStore);
  }

  async function until(description: string, check: () => boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting until ${description}`);
      }
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    TestBed.tick();
  }

  it('shows, queues and keeps across a reload what it writes through the local database', async () => {
    const account = accountRow();
    let store = boot();
    const sync = TestBed.inject(SyncClientService);
    await until('the local database answered', () => store.loaded());
    expect(store.entities()).toEqual([]);

    const created = await store.create({
      accountId: account.id,
      date: '2026-03-01',
      amountMinor: -1_250,
      notes: 'Bakery',
      cleared: false,
      reconciled: false,
    });
    await store.update(created.id, { amountMinor: -1_300 });
    await until('the live query shows the edit', () =>
      store.entities().some((row) => row.amountMinor === -1_300),
    );
    expect(store.byId().get(created.id)).toMatchObject({
      notes: 'Bakery',
      amountMinor: -1_300,
      payeeId: null,
      deletedAt: null,
    });
    await until('both writes wait in the outbox', () => sync.status().pendingCount === 2);
    expect(sync.status().online).toBe(false);

    // The shared schema refuses before anything is stored or queued.
    await expect(store.update(created.id, { amountMinor: 1.5 })).rejects.toMatchObject({
      code: 'validation',
    });
    expect(sync.status().pendingCount).toBe(2);

    // A reload: a new app over the same device database finds the row and the queued writes.
    await clients[0].stop();
    store = boot();
    await until('the reloaded store shows the row', () => store.entities().length === 1);
    expect(store.entities()[0]).toMatchObject({ id: created.id, amountMinor: -1_300 });
    await until(
      'the outbox survived',
      () => TestBed.inject(SyncClientService).status().pendingCount === 2,
    );

    await store.remove(created.id);
    await until('the delete hides the row', () => store.entities().length === 0);
  }, 30_000);

  it('hands on the changes the sync client reports with each list of rows', async () => {
    const account = accountRow();
    const store = boot();
    await until('the local database answered', () => store.loaded());
    const base = { accountId: account.id, date: '2026-03-01', cleared: false, reconciled: false };
    const first = await store.create({ ...base, amountMinor: -100 });
    await store.create({ ...base, amountMinor: -200 });
    await until('both rows show', () => store.entities().length === 2);
    const before = store.entities();

    await store.update(first.id, { amountMinor: -150 });
    await until('the edit shows', () => store.entities() !== before);
    const after = store.entities();

    const changes = rowChanges(before, after);
    expect(changes).toEqual([
      {
        before: before.find((row) => row.id === first.id),
        after: expect.objectContaining({ id: first.id, amountMinor: -150 }),
      },
    ]);
    // The reported list itself, not one found by comparing the two lists.
    expect(rowChanges(before, after)).toBe(changes);
  }, 30_000);
});
