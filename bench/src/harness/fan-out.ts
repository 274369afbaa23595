import type { Socket } from 'socket.io-client';
import { collectGarbage } from './context';
import { runLatency, type LatencyRunResult, type SendChange } from './latency-run';
import type { BenchSizes } from './options';
import { connectManyLean, connectSocket } from './socket-clients';

/**
 * Connects `clients` receivers (round-robin over `urls`) and one writer (on the first URL),
 * lets the room joins settle, then runs the open-loop latency measurement.
 */
export async function measureFanOut(input: {
  urls: readonly string[];
  token: string | null;
  clients: number;
  sender: (writer: Socket) => SendChange;
  sizes: BenchSizes;
}): Promise<LatencyRunResult> {
  const receivers = await connectManyLean(input.urls, input.token, input.clients);
  let writer: Socket | null = null;
  try {
    writer = await connectSocket(input.urls[0], input.token);
    // The connect packet precedes the server's room join (and, over Redis, its subscription).
    await new Promise((resolve) => setTimeout(resolve, 500));
    collectGarbage();
    return await runLatency({
      receivers: receivers.sockets,
      send: input.sender(writer),
      intervalMs: input.sizes.latencyIntervalMs,
      durationMs: input.sizes.latencyDurationMs,
      warmupMs: input.sizes.latencyWarmupMs,
    });
  } finally {
    writer?.close();
    await receivers.close();
  }
}

export function latencyNotes(label: string, result: LatencyRunResult): string[] {
  const notes = [
    `${label}: ${result.delivered}/${result.expected} deliveries timed, payload ${result.payloadBytes} B`,
  ];
  if (result.missing > 0)
    notes.push(`${label}: ${result.missing} deliveries still missing 5 s after the last send`);
  if (result.writeErrors > 0) notes.push(`${label}: ${result.writeErrors} writes refused`);
  return notes;
}
