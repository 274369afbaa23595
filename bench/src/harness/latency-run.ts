import { transactions } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import {
  encodeCursor,
  HybridLogicalClock,
  randomNodeId,
  SyncEvents,
  type AnyRecord,
  type ChangesBroadcast,
  type Mutation,
  type PushResponse,
} from '@finwise/sync-protocol';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { LeanSocket } from './lean-socket';
import { summarizeLatency, type LatencySummary } from './stats';

export interface LatencyRunResult {
  summary: LatencySummary;
  /** Changes sent while measuring. */
  sent: number;
  /** sent × receivers: every receiver must see every change. */
  expected: number;
  delivered: number;
  /** Deliveries still missing 5 s after the last send (or write errors). */
  missing: number;
  writeErrors: number;
  /** Bytes of one delivered packet as the receivers got it (the same shape for product and baseline). */
  payloadBytes: number;
  /** The `firstSeq` for the next run on the same connections (see `runLatency`). */
  nextSeq: number;
}

/** How the writer sends change number `seq`; `onError` counts refused writes. */
export type SendChange = (seq: number, onError: () => void) => void;

/** Found in the raw text of a delivery: the receivers never parse the JSON (see LeanSocket). */
const MARKER = /"notes":"latency (\d+)"/;

/** The change the writer sends as number `seq`: a full transaction whose notes carry `seq`. */
function changeData(seq: number): { id: string } & Record<string, unknown> {
  return sampleData(transactions, seq, { notes: `latency ${seq}` });
}

function seqOf(packet: string): number | null {
  if (!packet.includes(`"${SyncEvents.changes}"`)) return null;
  const match = MARKER.exec(packet);
  return match ? Number(match[1]) : null;
}

/** The product: one `sync:push` of one create per change, acknowledged by the server. */
export function productSender(writer: Socket): SendChange {
  const clock = new HybridLogicalClock(randomNodeId());
  return (seq, onError) => {
    const mutation: Mutation = {
      mutationId: randomUUID(),
      modelName: transactions.modelName,
      operation: 'create',
      data: changeData(seq),
      hlc: clock.tick(),
    };
    writer.emit(SyncEvents.push, { mutations: [mutation] }, (response: PushResponse) => {
      if ('error' in response || response.results[0]?.status !== 'applied') onError();
    });
  };
}

/**
 * The raw baseline: the writer sends the very broadcast the product would emit (a full row
 * with field clocks, cursors) and the raw server relays it to the room.
 */
export function rawSender(writer: Socket, tenantId: string): SendChange {
  const clock = new HybridLogicalClock(randomNodeId());
  return (seq, onError) => {
    const hlc = clock.tick();
    const data = changeData(seq);
    const record: AnyRecord = {
      id: data.id,
      tenantId,
      createdAt: new Date().toISOString(),
      updatedAt: hlc,
      deletedAt: null,
      fieldClocks: {},
    };
    for (const field of transactions.fieldNames) {
      record[field] = data[field] ?? null;
      record.fieldClocks[field] = hlc;
    }
    const payload: ChangesBroadcast = {
      changes: [{ modelName: transactions.modelName, record }],
      fromCursor: encodeCursor(seq),
      cursor: encodeCursor(seq + 1),
    };
    writer.emit('push', payload, (reply: { ok?: boolean }) => {
      if (!reply?.ok) onError();
    });
  };
}

/**
 * Open-loop load: one change every `intervalMs` for `warmupMs + durationMs`, whatever the
 * acks do, and every receiver's `sync:changes` timed against the send instant (one process,
 * one monotonic clock). Changes sent during warm-up are delivered but not counted.
 * Changes are numbered from `firstSeq`: runs that share connections pass the previous run's
 * `nextSeq`, so a late delivery of an earlier run can never be taken for one of this run.
 */
export async function runLatency(input: {
  receivers: readonly LeanSocket[];
  send: SendChange;
  intervalMs: number;
  durationMs: number;
  warmupMs: number;
  firstSeq?: number;
}): Promise<LatencyRunResult> {
  const firstSeq = input.firstSeq ?? 0;
  // Indexed by seq − firstSeq, so the array stays dense whatever the numbering.
  const sentAt: number[] = [];
  const samples: number[] = [];
  let firstMeasured = Number.POSITIVE_INFINITY;
  let payloadBytes = 0;
  let writeErrors = 0;
  const handler = (packet: string) => {
    const received = performance.now();
    const seq = seqOf(packet);
    if (seq === null || seq < firstMeasured) return;
    const sent = sentAt[seq - firstSeq];
    if (sent === undefined) return;
    samples.push(received - sent);
    if (payloadBytes === 0) payloadBytes = Buffer.byteLength(packet);
  };
  const unsubscribe = input.receivers.map((socket) => socket.onEvent(handler));
  try {
    const started = performance.now();
    const end = started + input.warmupMs + input.durationMs;
    let seq = firstSeq;
    let measuredSent = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        if (now >= end) return resolve();
        if (firstMeasured === Number.POSITIVE_INFINITY && now - started >= input.warmupMs)
          firstMeasured = seq;
        sentAt[seq - firstSeq] = performance.now();
        input.send(seq, () => (writeErrors += 1));
        if (seq >= firstMeasured) measuredSent += 1;
        seq += 1;
        // Scheduled against the start, so a slow tick does not stretch the whole run.
        setTimeout(
          tick,
          Math.max(0, started + (seq - firstSeq) * input.intervalMs - performance.now()),
        );
      };
      tick();
    });
    const expected = measuredSent * input.receivers.length;
    const deadline = performance.now() + 5_000;
    while (samples.length < expected && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    return {
      summary: summarizeLatency(samples),
      sent: measuredSent,
      expected,
      delivered: samples.length,
      missing: expected - samples.length,
      writeErrors,
      payloadBytes,
      nextSeq: seq,
    };
  } finally {
    for (const off of unsubscribe) off();
  }
}
