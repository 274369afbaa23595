import { accounts, mutableFields, sampleData, sampleValue } from '@finwise/domain';
import type { PushAck } from '@finwise/sync-protocol';
import { testDatabaseKinds } from '../../../testing/test-database';
import { startTestServer, type TestServer } from '../../../testing/test-server';
import { TestSyncClient } from '../../../testing/test-sync-client';

describe.each(testDatabaseKinds())('accounts on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('syncs between two clients of a household and serves REST', async () => {
    const session = await server.signup();
    const writer = await TestSyncClient.connected(server.url, session.accessToken);
    const reader = await TestSyncClient.connected(server.url, session.accessToken);
    await reader.catchUp();
    const row = sampleData(accounts, 1);
    const created = (await writer.push([writer.mutation('accounts', 'create', row)])) as PushAck;
    expect(created.results[0].status).toBe('applied');
    await reader.waitFor(() => reader.row('accounts', row.id) !== undefined, 5000, 'the new row');
    expect(reader.row('accounts', row.id)).toMatchObject(row);

    const [field] = mutableFields(accounts);
    const patched = await server.request('PATCH', `/accounts/${row.id}`, {
      token: session.accessToken,
      body: { [field.name]: sampleValue(field, 7) },
    });
    expect(patched.status).toBe(200);
    await writer.waitFor(() => writer.broadcasts.length === 1, 5000, 'the REST change');
    expect(writer.broadcasts[0].changes[0].record[field.name]).toEqual(sampleValue(field, 7));

    const deleted = await server.request('DELETE', `/accounts/${row.id}`, {
      token: session.accessToken,
    });
    if (accounts.deletable) {
      expect(deleted.status).toBe(200);
      expect(
        (await server.request('GET', `/accounts/${row.id}`, { token: session.accessToken })).status,
      ).toBe(404);
    } else {
      expect(deleted.status).toBe(400);
    }
    writer.disconnect();
    reader.disconnect();
  });
});
