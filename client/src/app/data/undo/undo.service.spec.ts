import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { budgetRow, categoryRow, transactionRow } from '../../testing/rows';
import { CategoriesStore } from '../stores/categories.store';
import { TransactionsStore } from '../stores/transactions.store';
import { SyncClientService } from '../sync-client/sync-client.service';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { UNDO_WINDOW_MS, UndoService } from './undo.service';

const WINDOW_MS = 5000;
const ACCOUNT = '00000000-0000-4000-8000-0000000000a1';

describe('UndoService', () => {
  async function setUp() {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({
      providers: [...sync.providers, { provide: UNDO_WINDOW_MS, useValue: WINDOW_MS }],
    });
    TestBed.inject(SyncClientService);
    TestBed.tick();
    await jest.advanceTimersByTimeAsync(0);
    const client = sync.client();
    const food = categoryRow({ name: 'Food' });
    const rent = transactionRow({ accountId: ACCOUNT, amountMinor: -90000, categoryId: food.id });
    const coffee = transactionRow({ accountId: ACCOUNT, amountMinor: -350 });
    client.seed('categories', [food]);
    client.seed('transactions', [rent, coffee]);
    client.seed('budgets', [budgetRow(food.id, '2026-03', 2000)]);
    const transactions = TestBed.inject(TransactionsStore);
    TestBed.inject(CategoriesStore);
    await settle();
    return { undo: TestBed.inject(UndoService), client, transactions, rent, coffee, food };
  }

  async function settle(ms = 0): Promise<void> {
    await jest.advanceTimersByTimeAsync(ms);
    TestBed.tick();
  }

  const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

  afterEach(() => jest.useRealTimers());

  it('hides a held delete at once and writes it to the outbox only when the offer times out', async () => {
    const { undo, client, transactions, rent, coffee } = await setUp();
    await undo.delete('Transaction deleted.', [{ modelName: 'transactions', id: rent.id }]);
    await settle();

    expect(ids(transactions.entities())).toEqual([coffee.id]);
    expect(undo.offer()?.message).toBe('Transaction deleted.');
    expect(client.calls.filter((call) => call.startsWith('delete'))).toEqual([]);

    await settle(WINDOW_MS - 100);
    expect(client.calls.filter((call) => call.startsWith('delete'))).toEqual([]);
    await settle(200);
    expect(client.calls).toEqual(['batch 1', `delete transactions ${rent.id}`]);
    expect(undo.offer()).toBeNull();
    expect(ids(transactions.entities())).toEqual([coffee.id]);
  });

  it('Undo drops a held delete: the rows come back and nothing is ever written', async () => {
    const { undo, client, transactions, rent, coffee } = await setUp();
    await undo.delete('Transaction deleted.', [{ modelName: 'transactions', id: rent.id }]);
    await settle();
    await undo.undo();
    await settle(WINDOW_MS * 2);

    expect(ids(transactions.entities()).sort()).toEqual([rent.id, coffee.id].sort());
    expect(client.calls).toEqual([]);
    expect(undo.offer()).toBeNull();
  });

  it('undoes an edit by writing the previous values; a new cell is cleared, not deleted', async () => {
    const { undo, client, rent, food } = await setUp();
    await undo.edit('Transaction saved.', [
      {
        modelName: 'transactions',
        operation: 'update',
        data: { id: rent.id, amountMinor: -1, notes: 'x' },
      },
      {
        modelName: 'budgets',
        operation: 'create',
        data: {
          id: budgetRow(food.id, '2026-04', 0).id,
          categoryId: food.id,
          month: '2026-04',
          budgetedMinor: 500,
        },
      },
    ]);
    await settle();
    expect(client.rows.get('transactions')?.get(rent.id)).toMatchObject({
      amountMinor: -1,
      notes: 'x',
    });
    client.calls.length = 0;

    await undo.undo();
    await settle();
    expect(client.calls).toEqual([
      'batch 2',
      `update budgets ${budgetRow(food.id, '2026-04', 0).id} {"budgetedMinor":0}`,
      `update transactions ${rent.id} {"amountMinor":-90000,"notes":null}`,
    ]);
    expect(client.rows.get('transactions')?.get(rent.id)).toMatchObject({ amountMinor: -90000 });
  });

  it('writes a held delete at once when the page is hidden or closed', async () => {
    const { undo, client, rent } = await setUp();
    await undo.delete('Transaction deleted.', [{ modelName: 'transactions', id: rent.id }]);
    TestBed.inject(DOCUMENT).defaultView?.dispatchEvent(new Event('pagehide'));
    await settle();

    expect(client.calls).toEqual(['batch 1', `delete transactions ${rent.id}`]);
    expect(undo.offer()).toBeNull();
  });

  it('a newer change ends the previous offer, writing its held delete', async () => {
    const { undo, client, rent, coffee, transactions } = await setUp();
    await undo.delete('Deleted rent.', [{ modelName: 'transactions', id: rent.id }]);
    await undo.delete('Deleted coffee.', [{ modelName: 'transactions', id: coffee.id }]);
    await settle();

    expect(client.calls).toEqual(['batch 1', `delete transactions ${rent.id}`]);
    expect(undo.offer()?.message).toBe('Deleted coffee.');
    expect(transactions.entities()).toEqual([]);
    await undo.undo();
    await settle();
    expect(ids(transactions.entities())).toEqual([coffee.id]);
  });

  it('writes a held delete before signing out stops the client', async () => {
    const { undo, client, rent } = await setUp();
    await undo.delete('Transaction deleted.', [{ modelName: 'transactions', id: rent.id }]);
    await TestBed.inject(SyncClientService).signOut({ deleteLocalData: false });

    expect(client.calls).toEqual(['batch 1', `delete transactions ${rent.id}`]);
    expect(client.stopped).toBe(true);
  });
});
