import { SyncEvents, type Mutation, type PullResponse } from '@finwise/sync-protocol';
import type { Session } from './session';
import { startListenerThread } from './listener-thread';
import { connectMany, pushBatch } from './socket-clients';

export interface PushRun {
  /** First push sent → last ack received and every listener holding every change. */
  ms: number;
  /** First push sent → last ack received. */
  ackMs: number;
}

/** A writer (and its listeners) kept connected across several pushes: see openPushRun. */
export interface PushRunner {
  /** Pushes the batches in order and waits until every listener holds every change so far. */
  push(batches: readonly Mutation[][]): Promise<PushRun>;
  close(): Promise<void>;
}

/**
 * One client pushes batches in order, each awaited before the next (as the client engine
 * drains its outbox), while `listeners` other clients of the tenant receive the broadcasts.
 * The listeners are protocol-level sockets in a worker thread (see listener-thread.ts) that
 * count the changes in each broadcast without decoding them.
 */
export async function openPushRun(
  serverUrl: string,
  session: Session,
  listeners: { count: number; bundleDir: string } | null,
): Promise<PushRunner> {
  const writerGroup = await connectMany([serverUrl], session.accessToken, 1);
  const listening = listeners
    ? await startListenerThread(
        listeners.bundleDir,
        serverUrl,
        session.accessToken,
        listeners.count,
      ).catch(async (error: unknown) => {
        await writerGroup.close();
        throw error;
      })
    : null;
  const [writer] = writerGroup.sockets;
  let total = 0;
  return {
    async push(batches) {
      total += batches.reduce((n, b) => n + b.length, 0);
      const started = performance.now();
      for (const batch of batches) await pushBatch(writer, batch);
      const ackMs = performance.now() - started;
      const deadline = performance.now() + 60_000;
      while (listening && listening.received().some((n) => n < total)) {
        if (performance.now() > deadline)
          throw new Error(
            `listeners received ${listening.received().join('/')} of ${total} changes`,
          );
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      return { ms: performance.now() - started, ackMs };
    },
    async close() {
      await listening?.close();
      await writerGroup.close();
    },
  };
}

/** openPushRun for one sequence of batches. */
export async function pushThroughSockets(
  serverUrl: string,
  session: Session,
  batches: readonly Mutation[][],
  listeners: { count: number; bundleDir: string } | null,
): Promise<PushRun> {
  const runner = await openPushRun(serverUrl, session, listeners);
  try {
    return await runner.push(batches);
  } finally {
    await runner.close();
  }
}

/** A whole initial load over `sync:pull` pages, nothing stored: the server's side of the load. */
export async function pullThroughSocket(
  serverUrl: string,
  session: Session,
  pageSize = 1000,
): Promise<{ ms: number; changes: number }> {
  const group = await connectMany([serverUrl], session.accessToken, 1);
  try {
    const [socket] = group.sockets;
    let cursor: string | null = null;
    let changes = 0;
    const started = performance.now();
    for (;;) {
      const page = (await socket
        .timeout(120_000)
        .emitWithAck(SyncEvents.pull, { cursor, limit: pageSize })) as PullResponse;
      if ('error' in page)
        throw new Error(`pull refused: ${page.error.code} ${page.error.message}`);
      changes += page.changes.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    return { ms: performance.now() - started, changes };
  } finally {
    await group.close();
  }
}
