import type { Mutation } from '@finwise/sync-protocol';
import type { PushRunner } from './protocol-drivers';

/** One way of storing the batches: the product through a server, or a raw statement. */
export interface PushSide {
  readonly name: string;
  /**
   * Stores one slice of the batches, in order, and returns the elapsed milliseconds.
   * `rowsBefore` rows went before it on this side (a raw table continues its feed positions).
   */
  push(slice: readonly Mutation[][], rowsBefore: number): Promise<number>;
}

export interface SideTimes {
  name: string;
  /** The sum of `roundMs`. */
  totalMs: number;
  /** Elapsed time of each round, in round order. */
  roundMs: number[];
}

export interface InterleavedPush {
  /** In the order the sides were given. */
  sides: SideTimes[];
  /** Side names in the order they ran, per round. */
  order: string[][];
}

/** A product side: the batches through a push runner (server, socket, listeners). */
export function productSide(name: string, runner: PushRunner): PushSide {
  return { name, push: async (slice) => (await runner.push(slice)).ms };
}

/**
 * Pushes the batches through every side in rounds (contiguous slices of the batches, every
 * side the same slice, the side that goes first rotating every round) and sums each side's
 * time. A shared virtual machine drifts in speed from minute to minute; measured one after
 * the other, the sides of a ratio would see different machines. All sides' tables grow alike,
 * so each round's rows meet the same table sizes everywhere. With `rounds` a multiple of the
 * number of sides, each side takes each position equally often.
 */
export async function interleavedPush(
  sides: readonly PushSide[],
  batches: readonly Mutation[][],
  rounds: number,
): Promise<InterleavedPush> {
  if (new Set(sides.map((s) => s.name)).size !== sides.length)
    throw new Error('push sides need distinct names');
  const count = Math.max(1, Math.min(rounds, batches.length));
  const times: SideTimes[] = sides.map((s) => ({ name: s.name, totalMs: 0, roundMs: [] }));
  const order: string[][] = [];
  let rowsBefore = 0;
  for (let round = 0; round < count; round++) {
    const slice = batches.slice(
      Math.floor((round * batches.length) / count),
      Math.floor(((round + 1) * batches.length) / count),
    );
    const ran: string[] = [];
    for (let position = 0; position < sides.length; position++) {
      const index = (position + round) % sides.length;
      const ms = await sides[index].push(slice, rowsBefore);
      times[index].roundMs.push(ms);
      times[index].totalMs += ms;
      ran.push(sides[index].name);
    }
    order.push(ran);
    rowsBefore += slice.reduce((n, b) => n + b.length, 0);
  }
  return { sides: times, order };
}

export function sideTimes(run: InterleavedPush, name: string): SideTimes {
  const side = run.sides.find((s) => s.name === name);
  if (!side) throw new Error(`no push side named ${name}`);
  return side;
}

/**
 * Per round, `ours`'s throughput ÷ `baseline`'s (= the baseline's time ÷ ours): the same sense
 * as a throughput row's ratio in the table, so their median can be set beside it.
 */
export function roundThroughputRatios(
  run: InterleavedPush,
  ours: string,
  baseline: string,
): number[] {
  const oursMs = sideTimes(run, ours).roundMs;
  const baselineMs = sideTimes(run, baseline).roundMs;
  return oursMs.map((ms, round) => baselineMs[round] / ms);
}
