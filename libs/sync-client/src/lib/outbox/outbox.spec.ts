import type { Mutation } from '@finwise/sync-protocol';
import { newDevice } from '../../../test/support/fake-indexeddb';
import { LocalDatabase } from '../database/local-database';
import {
  appendToOutbox,
  countOutbox,
  readOutbox,
  readOutboxForRow,
  removeFromOutbox,
} from './outbox';
import { rowKey } from './outbox-entry';

const ROW_A = '11111111-1111-4111-8111-111111111111';
const ROW_B = '22222222-2222-4222-8222-222222222222';

function mutation(id: string, name: string, second: number): Mutation {
  return {
    mutationId: globalThis.crypto.randomUUID(),
    modelName: 'account_groups',
    operation: 'update',
    data: { id, name },
    hlc: `2026-11-25T16:40:${String(second).padStart(2, '0')}.000Z-0000-9f1c2a7b3d4e5f60`,
  };
}

describe('outbox', () => {
  let db: LocalDatabase;

  beforeEach(async () => {
    db = new LocalDatabase('tenant-outbox', newDevice());
    await db.open();
    for (const [second, id] of [ROW_A, ROW_B, ROW_A, ROW_B].entries()) {
      await appendToOutbox(db.outbox, {
        rowKey: rowKey('account_groups', id),
        mutation: mutation(id, `name ${second}`, second),
        complete: false,
      });
    }
  });
  afterEach(() => db.close());

  const names = (entries: { mutation: Mutation }[]) => entries.map((e) => e.mutation.data['name']);

  it('reads entries in the order they were appended, all or the oldest few', async () => {
    expect(names(await readOutbox(db.outbox))).toEqual(['name 0', 'name 1', 'name 2', 'name 3']);
    expect(names(await readOutbox(db.outbox, 2))).toEqual(['name 0', 'name 1']);
    expect(await countOutbox(db.outbox)).toBe(4);
  });

  it("finds one row's pending mutations in order", async () => {
    const pending = await readOutboxForRow(db.outbox, rowKey('account_groups', ROW_B));
    expect(names(pending)).toEqual(['name 1', 'name 3']);
  });

  it('removes exactly the given entries and keeps the order of the rest', async () => {
    const [first, , third] = await readOutbox(db.outbox);
    await removeFromOutbox(db.outbox, [first, third]);
    expect(names(await readOutbox(db.outbox))).toEqual(['name 1', 'name 3']);
    expect(await countOutbox(db.outbox)).toBe(2);
  });
});
