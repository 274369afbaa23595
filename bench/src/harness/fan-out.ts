import type { Socket } from 'socket.io-client';
import { collectGarbage } from './context';
import { runLatency, type LatencyRunResult, type SendChange } from './latency-run';
import type { LeanSocket } from './lean-socket';
import type { BenchSizes } from './options';
import { connectManyLean, connectSocket } from './socket-clients';

/** Receivers and one writer of one side of a fan-out comparison, open until `close()`. */
export interface FanOut {
  receivers: readonly LeanSocket[];
  send: SendChange;
  close(): Promise<void>;
}

/**
 * Connects `clients` receivers (round-robin over `urls`) and one writer (on the first URL)
 * and lets the room joins settle.
 */
export async function openFanOut(input: {
  urls: readonly string[];
  token: string | null;
  clients: number;
  sender: (writer: Socket) => SendChange;
}): Promise<FanOut> {
  const receivers = await connectManyLean(input.urls, input.token, input.clients);
  try {
    const writer = await connectSocket(input.urls[0], input.token);
    // The connect packet precedes the server's room join (and, over Redis, its subscription).
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      receivers: receivers.sockets,
      send: input.sender(writer),
      async close() {
        writer.close();
        await receivers.close();
      },
    };
  } catch (error) {
    await receivers.close();
    throw error;
  }
}

/** One open-loop latency run (warm-up, then `latencyDurationMs`) on fresh connections. */
export async function measureFanOut(input: {
  urls: readonly string[];
  token: string | null;
  clients: number;
  sender: (writer: Socket) => SendChange;
  sizes: BenchSizes;
}): Promise<LatencyRunResult> {
  const fanOut = await openFanOut(input);
  try {
    collectGarbage();
    return await runLatency({
      receivers: fanOut.receivers,
      send: fanOut.send,
      intervalMs: input.sizes.latencyIntervalMs,
      durationMs: input.sizes.latencyDurationMs,
      warmupMs: input.sizes.latencyWarmupMs,
    });
  } finally {
    await fanOut.close();
  }
}

/** Delivery counts of one run, or summed over the windows of one side. */
export type DeliveryCounts = Pick<
  LatencyRunResult,
  'delivered' | 'expected' | 'missing' | 'writeErrors' | 'payloadBytes'
>;

export function latencyNotes(label: string, result: DeliveryCounts): string[] {
  const notes = [
    `${label}: ${result.delivered}/${result.expected} deliveries timed, payload ${result.payloadBytes} B`,
  ];
  if (result.missing > 0)
    notes.push(`${label}: ${result.missing} deliveries still missing 5 s after the last send`);
  if (result.writeErrors > 0) notes.push(`${label}: ${result.writeErrors} writes refused`);
  return notes;
}
