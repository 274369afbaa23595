import { TestBed } from '@angular/core/testing';
import { SyncClientService } from '../sync-client/sync-client.service';
import { setUpFakeSync } from '../testing/fake-sync-setup';
import { FinanceWrites } from './finance-writes.service';

describe('FinanceWrites', () => {
  async function setUp() {
    const sync = setUpFakeSync();
    TestBed.configureTestingModule({ providers: sync.providers });
    TestBed.inject(SyncClientService);
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    return { writes: TestBed.inject(FinanceWrites), client: sync.client() };
  }

  it('writes the planned mutations in order through the stores', async () => {
    const { writes, client } = await setUp();
    const payeeId = '00000000-0000-4000-8000-00000000aaaa';
    const accountId = '00000000-0000-4000-8000-00000000bbbb';
    await writes.apply([
      {
        modelName: 'payees',
        operation: 'create',
        data: { id: payeeId, name: 'Shop', favorite: false },
      },
      { modelName: 'payees', operation: 'update', data: { id: payeeId, favorite: true } },
      {
        modelName: 'reconciliations',
        operation: 'create',
        data: {
          id: '00000000-0000-4000-8000-00000000cccc',
          accountId,
          statementDate: '2026-01-31',
          statementBalanceMinor: 100,
          clearedTotalMinor: 100,
          adjustmentId: null,
        },
      },
    ]);

    expect(client.calls).toEqual([
      `create payees ${payeeId}`,
      `update payees ${payeeId} {"favorite":true}`,
      'create reconciliations 00000000-0000-4000-8000-00000000cccc',
    ]);
  });

  it('writes the budget actions too: moves, cells, categories, and deletes', async () => {
    const { writes, client } = await setUp();
    const id = '00000000-0000-4000-8000-00000000b001';
    await writes.apply([
      {
        modelName: 'budget_moves',
        operation: 'create',
        data: { id, month: '2026-03', amountMinor: 5 },
      },
      { modelName: 'categories', operation: 'create', data: { id, name: 'Fun' } },
      { modelName: 'categories', operation: 'update', data: { id, carryOverspending: true } },
      { modelName: 'budget_moves', operation: 'delete', data: { id } },
    ]);
    expect(client.calls).toEqual([
      `create budget_moves ${id}`,
      `create categories ${id}`,
      `update categories ${id} {"carryOverspending":true}`,
      `delete budget_moves ${id}`,
    ]);
  });

  it('refuses a model it has no store for, before writing it', async () => {
    const { writes, client } = await setUp();
    await expect(
      writes.apply([{ modelName: 'accounts', operation: 'delete', data: { id: 'x' } }]),
    ).rejects.toThrow('No store writes accounts');
    expect(client.calls).toEqual([]);
  });
});
