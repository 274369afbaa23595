import { categories } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { formatHlc, type PullPage } from '@finwise/sync-protocol';
import { testDatabaseKinds } from '../../../testing/test-database';
import { startTestServer, type TestServer } from '../../../testing/test-server';
import { TestSyncClient } from '../../../testing/test-sync-client';
import { TombstonePurger } from './tombstone-purger';

const DAY_MS = 86_400_000;

describe.each(testDatabaseKinds())('tombstone purge on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { tombstoneRetentionDays: 90 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('purges old tombstones only and sends clients with older cursors to a full reload', async () => {
    const session = await server.signup();
    const client = await TestSyncClient.connected(server.url, session.accessToken);
    const rows = [sampleData(categories, 1), sampleData(categories, 2)];
    await client.push(rows.map((row) => client.mutation('categories', 'create', row)));
    const beforeDelete = (await client.pull(null)) as PullPage;
    await client.push([client.mutation('categories', 'delete', { id: rows[0].id })]);
    const afterDelete = (await client.pull(null)) as PullPage;

    const purger = server.app.get(TombstonePurger);
    expect(await purger.purge(Date.now())).toBe(0);
    expect(await purger.purge(Date.now() + 91 * DAY_MS)).toBe(1);

    // A cursor from before the purged delete may have missed it.
    expect(await client.pull(beforeDelete.cursor)).toMatchObject({
      error: { code: 'resync_required' },
    });
    // Cursors at or after it, and fresh loads, are served; the live row survives.
    expect(await client.pull(afterDelete.cursor)).toMatchObject({ changes: [], hasMore: false });
    const reload = (await client.pull(null)) as PullPage;
    expect(reload.changes.map((c) => c.record.id)).toEqual([rows[1].id]);
    client.disconnect();
  });

  it('keeps a tombstone for the full retention after the server received it, whatever the HLC says', async () => {
    const session = await server.signup();
    const client = await TestSyncClient.connected(server.url, session.accessToken);
    const row = sampleData(categories, 3);
    await client.push([client.mutation('categories', 'create', row)]);
    // A device whose clock is years behind: its delete is accepted with its own HLC.
    const ancient = formatHlc({ ms: Date.UTC(2001, 0, 1), counter: 0, nodeId: 'abcdefabcdefabcd' });
    const ack = await client.push([
      { ...client.mutation('categories', 'delete', { id: row.id }), hlc: ancient },
    ]);
    expect(ack).toMatchObject({ results: [{ status: 'applied' }] });
    const afterDelete = (await client.pull(null)) as PullPage;

    const purger = server.app.get(TombstonePurger);
    expect(await purger.purge(Date.now())).toBe(0);
    expect(await purger.purge(Date.now() + 89 * DAY_MS)).toBe(0);
    // Nobody was sent to a reload, and the tombstone still protects the row.
    const page = (await client.pull(null)) as PullPage;
    expect(page.changes).toEqual(afterDelete.changes);
    expect(page.changes.find((c) => c.record.id === row.id)?.record.deletedAt).toBe(ancient);
    expect(await purger.purge(Date.now() + 91 * DAY_MS)).toBe(1);
    client.disconnect();
  });
});
