import { parentPort, workerData } from 'node:worker_threads';
import { SyncEvents } from '@finwise/sync-protocol';
import { connectManyLean } from './socket-clients';

/**
 * Runs in a worker thread (see listener-thread.ts): connects the listening devices of the push
 * scenario and reports how many changes each has received, so receiving the broadcasts never
 * shares an event loop with the writer.
 */
interface ListenerData {
  serverUrl: string;
  token: string;
  count: number;
}

const CHANGES_EVENT = `["${SyncEvents.changes}",`;
/** Once per change of a broadcast; inside JSON strings a quote is escaped, so never in data. */
const CHANGE_KEY = '"modelName":';

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length))
    count += 1;
  return count;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('listener-thread-main runs as a worker thread');
  const { serverUrl, token, count } = workerData as ListenerData;
  const group = await connectManyLean([serverUrl], token, count);
  const received = group.sockets.map(() => 0);
  group.sockets.forEach((socket, i) =>
    socket.onEvent((packet) => {
      if (!packet.includes(CHANGES_EVENT)) return;
      received[i] += countOccurrences(packet, CHANGE_KEY);
      port.postMessage({ type: 'received', received });
    }),
  );
  port.on('message', async (message: { type: string }) => {
    if (message.type !== 'close') return;
    await group.close();
    port.postMessage({ type: 'closed' });
    port.close();
  });
  port.postMessage({ type: 'ready' });
}

main().catch((error: unknown) =>
  parentPort?.postMessage({ type: 'failed', message: (error as Error).stack ?? String(error) }),
);
