import { accountGroups } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { startServerProcess, type ServerProcess, type Session } from '../support/server';
import { sleep, waitFor } from '../support/wait';
import { deviceClient, restRows, type DeviceClient } from '../support/sync-harness';

const TTL_SECONDS = 5;

/**
 * Issue scenario 4: access tokens live 5 seconds. A token that expires while the client is
 * offline is refused at the next handshake (`unauthorized`); one that expires while it is
 * online makes the server drop the socket. Either way the client calls refreshToken(),
 * reconnects, and the outbox stays intact and drains.
 */
describe('token expiry (PostgreSQL, ACCESS_TOKEN_TTL_SECONDS=5)', () => {
  let server: ServerProcess;
  let session: Session;
  let device: DeviceClient;

  beforeAll(async () => {
    server = await startServerProcess({
      database: 'postgres',
      env: { ACCESS_TOKEN_TTL_SECONDS: String(TTL_SECONDS) },
    });
  });
  afterAll(async () => {
    await device?.client.stop();
    await server?.dispose();
  });

  it('refreshes on reconnect after expiring offline, and again when the server drops an expired socket', async () => {
    session = await server.signup();
    const issuedAt = Date.now();
    device = deviceClient(server, session.tenant.id, session);
    const { client, tokens } = device;
    await client.start();
    expect(client.status().online).toBe(true);
    expect(tokens.refreshCalls).toBe(0);

    client.disconnect();
    const groups = client.table('account_groups');
    const offline = [];
    for (let i = 0; i < 20; i += 1) offline.push(await groups.create(sampleData(accountGroups, i)));
    await sleep(Math.max(0, issuedAt + (TTL_SECONDS + 1) * 1000 - Date.now()));
    expect(client.status().pendingCount).toBe(20);

    const handshakesBefore = tokens.getTokenCalls;
    client.connect();
    await client.flush(30_000);
    expect(tokens.refreshCalls).toBeGreaterThanOrEqual(1);
    expect(tokens.getTokenCalls).toBeGreaterThan(handshakesBefore);
    expect(client.status()).toMatchObject({ online: true, pendingCount: 0, rejections: [] });
    const rows = await restRows(server, tokens.accessToken, 'account_groups');
    expect(rows.map((r) => r.id).sort()).toEqual(offline.map((r) => r.id).sort());

    // Online this time: when the refreshed token expires the server drops the socket; the
    // client refreshes again and comes back by itself.
    const refreshes = tokens.refreshCalls;
    const onlineHistory: boolean[] = [];
    const unsubscribe = client.onStatus((status) => onlineHistory.push(status.online));
    await waitFor(
      () => tokens.refreshCalls > refreshes,
      (TTL_SECONDS + 5) * 1000,
      'another refresh',
    );
    await waitFor(() => client.status().online, 10_000, 'the client to reconnect');
    unsubscribe();
    // It went offline (the server's kick) and came back.
    expect(onlineHistory).toContain(false);
    expect(onlineHistory.at(-1)).toBe(true);
    const later = await groups.create(sampleData(accountGroups, 99));
    await client.flush(10_000);
    const { status, body } = await server.request('GET', `/account_groups/${later.id}`, {
      token: tokens.accessToken,
    });
    expect(status).toBe(200);
    expect(body).toEqual(await groups.get(later.id));
  });
});
