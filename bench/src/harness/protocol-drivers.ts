import { SyncEvents, type Mutation, type PullResponse } from '@finwise/sync-protocol';
import type { Session } from './session';
import { connectMany, connectManyLean, pushBatch } from './socket-clients';

export interface PushRun {
  /** First push sent → last ack received and every listener holding every change. */
  ms: number;
  /** First push sent → last ack received. */
  ackMs: number;
}

/**
 * One client pushes the batches in order, each awaited before the next (as the client engine
 * drains its outbox), while `listeners` other clients of the tenant receive the broadcasts.
 * The listeners are protocol-level sockets that count the changes in each broadcast without
 * decoding it: in the field they are other devices, and decoding ~0.5 MB of JSON per batch in
 * this process would delay the writer's next push, which no real listener does.
 */
export async function pushThroughSockets(serverUrl: string, session: Session, batches: readonly Mutation[][], listeners: number): Promise<PushRun> {
  const writerGroup = await connectMany([serverUrl], session.accessToken, 1);
  const listenerGroup = await connectManyLean([serverUrl], session.accessToken, listeners).catch(async (error: unknown) => {
    await writerGroup.close();
    throw error;
  });
  try {
    const [writer] = writerGroup.sockets;
    const total = batches.reduce((n, b) => n + b.length, 0);
    const received = listenerGroup.sockets.map(() => 0);
    listenerGroup.sockets.forEach((socket, i) =>
      socket.onEvent((packet) => {
        if (packet.includes(CHANGES_EVENT)) received[i] += countOccurrences(packet, CHANGE_KEY);
      }),
    );
    const started = performance.now();
    for (const batch of batches) await pushBatch(writer, batch);
    const ackMs = performance.now() - started;
    const deadline = performance.now() + 60_000;
    while (received.some((n) => n < total)) {
      if (performance.now() > deadline) throw new Error(`listeners received ${received.join('/')} of ${total} changes`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return { ms: performance.now() - started, ackMs };
  } finally {
    await listenerGroup.close();
    await writerGroup.close();
  }
}

const CHANGES_EVENT = `["${SyncEvents.changes}",`;
/** Once per change of a broadcast; inside JSON strings a quote is escaped, so never in data. */
const CHANGE_KEY = '"modelName":';

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/** A whole initial load over `sync:pull` pages, nothing stored: the server's side of the load. */
export async function pullThroughSocket(serverUrl: string, session: Session, pageSize = 1000): Promise<{ ms: number; changes: number }> {
  const group = await connectMany([serverUrl], session.accessToken, 1);
  try {
    const [socket] = group.sockets;
    let cursor: string | null = null;
    let changes = 0;
    const started = performance.now();
    for (;;) {
      const page = (await socket.timeout(120_000).emitWithAck(SyncEvents.pull, { cursor, limit: pageSize })) as PullResponse;
      if ('error' in page) throw new Error(`pull refused: ${page.error.code} ${page.error.message}`);
      changes += page.changes.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    return { ms: performance.now() - started, changes };
  } finally {
    await group.close();
  }
}
