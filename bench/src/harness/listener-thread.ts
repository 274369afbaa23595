import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { onCleanup } from './cleanup';

export interface ListenerThread {
  /** Changes received so far, per listener. */
  received(): readonly number[];
  close(): Promise<void>;
}

type ListenerMessage =
  | { type: 'ready' | 'closed' }
  | { type: 'received'; received: number[] }
  | { type: 'failed'; message: string };

/**
 * `count` receive-only listeners of a household in a worker thread of their own. In the field
 * they are other devices; in this process, receiving and scanning ~0.5 MB per broadcast on the
 * writer's event loop would delay the writer's next push, which no real listener does.
 */
export async function startListenerThread(
  bundleDir: string,
  serverUrl: string,
  token: string,
  count: number,
): Promise<ListenerThread> {
  const worker = new Worker(join(bundleDir, 'listener-thread.cjs'), {
    workerData: { serverUrl, token, count },
  });
  let received: readonly number[] = Array.from({ length: count }, () => 0);
  let closed: (() => void) | null = null;
  const stop = onCleanup(`${count} listeners`, () => worker.terminate().then(() => undefined));
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: ListenerMessage) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'received') received = message.received;
      else if (message.type === 'closed') closed?.();
      else if (message.type === 'failed')
        reject(new Error(`listener thread failed: ${message.message}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    received: () => received,
    async close() {
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ type: 'close' });
        setTimeout(resolve, 5_000).unref();
      });
      await stop();
    },
  };
}
