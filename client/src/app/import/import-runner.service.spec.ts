import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { importSettingsId, payeeIdFor, type Account, type Transaction } from '@finwise/domain';
import { importedRowIds, readStatement } from '@finwise/import';
import { createSyncClient, type SyncClient, type SyncClientOptions } from '@finwise/sync-client';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SESSION_STORAGE_KEY } from '../data/auth/auth.service';
import { AccountsStore } from '../data/stores/accounts.store';
import { CategoriesStore } from '../data/stores/categories.store';
import { PayeesStore } from '../data/stores/payees.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import { SYNC_CLIENT_FACTORY } from '../data/sync-client/sync-client-factory';
import { SyncClientService } from '../data/sync-client/sync-client.service';
import { TEST_SESSION } from '../data/testing/fake-sync-setup';
import { installStructuredClone } from '../testing/structured-clone';
import { ImportBlocked, ImportRunner, type ImportRequest } from './import-runner.service';

const ACCOUNT_ID = '3f0c8a52-6b1d-4e7a-9c2f-5d8e1a4b7c60';
const CSV = [
  'Date,Payee,Amount,Notes',
  '2026-03-02,Bakery,-4.50,Bread',
  '2026-03-05,Employer,2500.00,Salary',
  '2026-03-05,Employer,2500.00,Salary',
  '2026-03-09,Corner shop,-7.30,',
].join('\n');

/**
 * The import on the real engine (Dexie on fake-indexeddb, outbox, live queries) of devices
 * without network: what it writes is what the local database holds and queues for the server.
 */
describe('ImportRunner on the real sync client', () => {
  // Nothing listens on port 9: connecting fails at once and the client works offline.
  const OFFLINE_URL = 'http://127.0.0.1:9';
  let clients: SyncClient[];

  beforeAll(() => installStructuredClone());

  beforeEach(() => {
    clients = [];
    localStorage.clear();
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(TEST_SESSION));
  });

  afterEach(async () => {
    await Promise.all(clients.map((client) => client.stop().catch(() => undefined)));
  });

  async function until(description: string, check: () => boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting until ${description}`);
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    TestBed.tick();
  }

  /** One device with the account, its database open and every store loaded. */
  async function device(name: string): Promise<{ runner: ImportRunner; client: SyncClient }> {
    const indexedDB = new IDBFactory();
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
              clientId: name,
              indexedDB,
              IDBKeyRange,
            });
            clients.push(client);
            return client;
          },
        },
      ],
    });
    const sync = TestBed.inject(SyncClientService);
    const stores = [
      TestBed.inject(AccountsStore),
      TestBed.inject(TransactionsStore),
      TestBed.inject(PayeesStore),
      TestBed.inject(CategoriesStore),
    ];
    await until('the local database answered', () => stores.every((store) => store.loaded()));
    const account: Partial<Account> & { id: string } = {
      id: ACCOUNT_ID,
      name: 'Giro',
      groupId: null,
      type: 'checking',
      currency: 'EUR',
      onBudget: true,
      closed: false,
      sortOrder: 1,
    };
    await TestBed.inject(AccountsStore).create(account);
    await until('the account is loaded', () =>
      TestBed.inject(AccountsStore)
        .entities()
        .some((row) => row.id === ACCOUNT_ID),
    );
    const client = sync.client();
    if (!client) throw new Error('No sync client');
    return { runner: TestBed.inject(ImportRunner), client };
  }

  function request(csv = CSV, excludeLines: number[] = []): ImportRequest {
    return {
      accountId: ACCOUNT_ID,
      currency: 'EUR',
      statement: readStatement(new TextEncoder().encode(csv), 'giro.csv', {}, 'EUR'),
      excludeLines,
      choices: { delimiter: ',', columns: { date: 'Date', amount: 'Amount', payee: 'Payee' } },
    };
  }

  const pending = () => TestBed.inject(SyncClientService).status().pendingCount;
  const transactions = () => TestBed.inject(TransactionsStore).entities();

  it('writes the payees, the rows and the account’s options in one local transaction, queued for sync, with progress', async () => {
    const { runner, client } = await device('device-a');
    const before = pending();
    const progress: [number, number][] = [];

    const outcome = await runner.run(request(), (written, total) =>
      progress.push([written, total]),
    );

    // 3 payees, 4 rows (the two identical salary lines stay two), the options.
    expect(outcome).toEqual({ created: 4, updated: 0, duplicate: 0, locked: 0, error: 0 });
    expect(progress.map(([written]) => written)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(progress.every(([, total]) => total === 8)).toBe(true);
    await until('the rows show', () => transactions().length === 4);
    expect(pending() - before).toBe(8);
    expect(transactions().filter((row) => row.payeeId === payeeIdFor('Employer'))).toHaveLength(2);
    const [settings] = await client
      .table('import_settings')
      .getMany([importSettingsId(ACCOUNT_ID)]);
    expect(settings).toMatchObject({ accountId: ACCOUNT_ID });
    expect(JSON.parse(String(settings['options']))).toEqual(request().choices);
  }, 30_000);

  it('adds nothing the second time, and does not bring back a row deleted since', async () => {
    const { runner, client } = await device('device-a');
    await runner.run(request());
    await until('the rows show', () => transactions().length === 4);
    const ids = importedRowIds(ACCOUNT_ID, request().statement.lines);
    await client.table<Transaction>('transactions').delete(ids[3]);
    await until('the row is gone', () => transactions().length === 3);
    const before = pending();

    const again = await runner.run(request());

    expect(again).toEqual({ created: 0, updated: 0, duplicate: 4, locked: 0, error: 0 });
    // Only the options are written again.
    expect(pending() - before).toBe(1);
    const [deleted] = await client
      .table<Transaction>('transactions')
      .getMany([ids[3]], { includeDeleted: true });
    expect(deleted.deletedAt).not.toBeNull();
    expect(transactions()).toHaveLength(3);
  }, 30_000);

  it('gives two offline devices importing the same file the same rows, so sync merges them into one', async () => {
    const a = await device('device-a');
    await a.runner.run(request());
    const rowsOfA = await a.client.table('transactions').all();
    const payeesOfA = await a.client.table('payees').all();

    const b = await device('device-b');
    await b.runner.run(request());
    const rowsOfB = await b.client.table('transactions').all();
    const payeesOfB = await b.client.table('payees').all();

    const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id).sort();
    expect(ids(rowsOfB)).toEqual(ids(rowsOfA));
    expect(ids(payeesOfB)).toEqual(ids(payeesOfA));
    expect(await b.client.table('import_settings').get(importSettingsId(ACCOUNT_ID))).toBeDefined();
  }, 30_000);

  it('writes nothing while a line with an error is not left out', async () => {
    const { runner } = await device('device-a');
    const broken = `${CSV}\n2026-03-10,Kiosk,abc,`;
    const before = pending();

    await expect(runner.run(request(broken))).rejects.toEqual(new ImportBlocked([6]));
    expect(pending()).toBe(before);

    const outcome = await runner.run(request(broken, [6]));
    expect(outcome).toMatchObject({ created: 4, error: 1 });
  }, 30_000);
});
