import { SYNC_NAMESPACE } from '@finwise/sync-protocol';
import { io } from 'socket.io-client';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';

/** Clients use the websocket transport only, and the server accepts no other (DESIGN §6). */
describe('the sync namespace speaks websocket only', () => {
  const [kind] = testDatabaseKinds();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a long-polling handshake over plain HTTP', async () => {
    const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: 'Transport unknown' });
  });

  it('never connects a client that may only poll, and connects one that uses websockets', async () => {
    const session = await server.signup();
    const attempt = (transports: ('polling' | 'websocket')[]) =>
      new Promise<string>((resolve) => {
        const socket = io(`${server.url}${SYNC_NAMESPACE}`, {
          auth: { token: session.accessToken },
          transports,
          reconnection: false,
          timeout: 5_000,
        });
        socket.on('connect', () => {
          socket.disconnect();
          resolve('connected');
        });
        socket.on('connect_error', (error) => {
          socket.disconnect();
          resolve(`refused: ${error.message}`);
        });
      });
    expect(await attempt(['polling'])).toMatch(/^refused/);
    expect(await attempt(['websocket'])).toBe('connected');
  });
});
