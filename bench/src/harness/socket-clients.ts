import { randomUUID } from 'node:crypto';
import {
  SYNC_NAMESPACE,
  SyncEvents,
  type Mutation,
  type PushAck,
  type PushResponse,
} from '@finwise/sync-protocol';
import { io, type Socket } from 'socket.io-client';
import { onCleanup } from './cleanup';
import { LeanSocket } from './lean-socket';

export interface SocketGroup {
  sockets: Socket[];
  close(): Promise<void>;
}

export interface LeanSocketGroup {
  sockets: LeanSocket[];
  close(): Promise<void>;
}

/** One websocket-only Socket.IO connection on `/sync` (its own engine, never reconnecting). */
export function connectSocket(
  serverUrl: string,
  token: string | null,
  timeoutMs = 30_000,
): Promise<Socket> {
  const socket = io(serverUrl + SYNC_NAMESPACE, {
    auth: token ? { token, clientId: randomUUID() } : {},
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  return new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`socket to ${serverUrl} refused: ${error.message}`));
    });
  });
}

/**
 * `count` connections made by `open(index)`, at most `concurrency` handshakes in flight (a
 * thousand at once would measure the accept queue, not the server). Closed on cleanup.
 */
async function openMany<T extends { close(): void }>(
  count: number,
  open: (index: number) => Promise<T>,
  concurrency = 50,
): Promise<{ items: T[]; close(): Promise<void> }> {
  const items: T[] = [];
  const close = onCleanup(`${count} sockets`, () => {
    for (const item of items.splice(0)) item.close();
  });
  try {
    let next = 0;
    const worker = async () => {
      while (next < count) items.push(await open(next++));
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
    return { items, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** `count` socket.io-client connections, round-robin over `urls`. */
export async function connectMany(
  urls: readonly string[],
  token: string | null,
  count: number,
): Promise<SocketGroup> {
  const group = await openMany(count, (i) => connectSocket(urls[i % urls.length], token));
  return { sockets: group.items, close: group.close };
}

/** `count` receive-only protocol-level connections (see LeanSocket), round-robin over `urls`. */
export async function connectManyLean(
  urls: readonly string[],
  token: string | null,
  count: number,
): Promise<LeanSocketGroup> {
  const auth: Record<string, string> = token ? { token } : {};
  const group = await openMany(count, (i) => LeanSocket.connect(urls[i % urls.length], auth));
  return { sockets: group.items, close: group.close };
}

/** `sync:push` of one batch; fails on an error ack or any mutation that was not applied. */
export async function pushBatch(
  socket: Socket,
  mutations: readonly Mutation[],
  timeoutMs = 120_000,
): Promise<PushAck> {
  const response = (await socket
    .timeout(timeoutMs)
    .emitWithAck(SyncEvents.push, { mutations })) as PushResponse;
  if ('error' in response)
    throw new Error(`push refused: ${response.error.code} ${response.error.message}`);
  const notApplied = response.results.find((r) => r.status !== 'applied');
  if (notApplied)
    throw new Error(
      `mutation ${notApplied.mutationId} was ${notApplied.status}: ${JSON.stringify(notApplied.error)}`,
    );
  return response;
}
