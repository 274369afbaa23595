import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SYNC_NAMESPACE } from '@finwise/sync-protocol';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import { waitFor } from '../../../../test/support/wait';
import { Backoff } from './backoff';
import { SyncConnection } from './connection';

/**
 * The connection against a real Socket.IO server whose `/sync` namespace accepts every
 * handshake and drops the socket right away (a server in trouble, a misconfigured proxy).
 */
describe('SyncConnection against a server that drops every socket', () => {
  let http: HttpServer;
  let io: Server;
  let url: string;
  let connectedAt: number[];
  let connection: SyncConnection | null;

  beforeEach(async () => {
    connectedAt = [];
    connection = null;
    http = createServer();
    io = new Server(http, { transports: ['websocket'] });
    io.of(SYNC_NAMESPACE).on('connection', (socket) => {
      connectedAt.push(Date.now());
      // After a moment, so the client has seen the connect before the drop.
      setTimeout(() => socket.disconnect(true), 30);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    connection?.close();
    await io.close();
  });

  /** Base 100 ms and no jitter (random = 0): the n-th delay is exactly 50 · 2ⁿ ms. */
  function open(onConnected: (socket: Socket) => void = () => undefined): SyncConnection {
    const opened = new SyncConnection(
      {
        url,
        clientId: 'client-1',
        getToken: () => 'token',
        backoff: new Backoff(100, 3200, () => 0),
        handshakeTimeoutMs: 5000,
      },
      { connected: onConnected, disconnected: () => undefined, attemptFailed: () => undefined },
    );
    connection = opened;
    opened.open();
    return opened;
  }

  const gaps = () => connectedAt.slice(1).map((t, i) => t - connectedAt[i]);

  it('backs off further on every drop although each handshake succeeded', async () => {
    open();
    await waitFor(() => connectedAt.length >= 5, 10_000, 'five connections');
    // Delays 50, 100, 200, 400 ms, each followed by 30 ms up before the drop; resetting on
    // every connect would mean one connect every ~80 ms. A stall of the machine can only
    // lengthen a gap, so each gap is held to its lower bound.
    gaps()
      .slice(0, 4)
      .forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(50 * 2 ** i + 30 - 2));
  });

  it('starts from the shortest delay again once a connection was marked healthy', async () => {
    let connects = 0;
    const opened = open((socket) => {
      connects += 1;
      // The fifth connection does real work before the server drops it.
      if (connects === 5) opened.markHealthy(socket);
    });
    await waitFor(() => connectedAt.length >= 6, 10_000, 'six connections');
    const [, , , beforeHealthy, afterHealthy] = gaps();
    // 400 ms of backoff before the fifth connect; after it the first delay (50 ms) again, where
    // without the reset it would be 800 ms.
    expect(beforeHealthy).toBeGreaterThanOrEqual(400);
    expect(afterHealthy).toBeLessThan(800);
  });

  it('ignores markHealthy for a socket that is no longer current', async () => {
    let first: Socket | null = null;
    open((socket) => (first ??= socket));
    await waitFor(() => connectedAt.length >= 4, 10_000, 'four connections');
    connection!.markHealthy(first!);
    await waitFor(() => connectedAt.length >= 5, 10_000, 'a fifth connection');
    expect(gaps()[3]).toBeGreaterThanOrEqual(400);
  });
});

describe('SyncConnection refused with forbidden', () => {
  let http: HttpServer;
  let io: Server;
  let url: string;
  let handshakes: number;
  let connection: SyncConnection | null = null;

  beforeEach(async () => {
    handshakes = 0;
    http = createServer();
    io = new Server(http, { transports: ['websocket'] });
    io.of(SYNC_NAMESPACE).use((_socket, next) => {
      handshakes += 1;
      next(new Error('forbidden'));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    connection?.close();
    await io.close();
  });

  it('stops at once, without refreshing the token, and reports it; open() tries again', async () => {
    const refreshToken = jest.fn(async () => 'fresh');
    const forbidden = jest.fn();
    const failed: string[] = [];
    connection = new SyncConnection(
      {
        url,
        clientId: 'client-1',
        getToken: () => 'token',
        refreshToken,
        backoff: new Backoff(20, 40, () => 0),
        handshakeTimeoutMs: 5000,
      },
      {
        connected: () => undefined,
        disconnected: () => undefined,
        attemptFailed: (error) => failed.push(error.message),
        forbidden,
      },
    );
    connection.open();
    await waitFor(() => forbidden.mock.calls.length === 1, 5000, 'the forbidden report');
    // Several backoff delays pass: no retry, no refresh.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect({ handshakes, refreshes: refreshToken.mock.calls.length, failed }).toEqual({
      handshakes: 1,
      refreshes: 0,
      failed: ['forbidden'],
    });
    expect(connection.isOpen).toBe(false);

    connection.open();
    await waitFor(() => forbidden.mock.calls.length === 2, 5000, 'the second report');
    expect(handshakes).toBe(2);
  });
});
