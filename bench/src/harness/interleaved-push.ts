import type { Mutation } from '@finwise/sync-protocol';
import type { Pool } from 'pg';
import type { PushRunner } from './protocol-drivers';
import { rawUpsert, type RawTable } from './raw-postgres';

export interface InterleavedPush {
  oursMs: number;
  rawMs: number;
  /** ours ÷ raw elapsed time per round, to show how steady the machine was. */
  roundRatios: number[];
  /** The same batches through the second product side, when there was one. */
  otherMs?: number;
  /** ours ÷ other elapsed time per round. */
  otherRoundRatios?: number[];
}

/**
 * Pushes the batches through the product and through the raw upsert in alternating rounds
 * (contiguous slices of the batches, the side that goes first rotating every round) and
 * sums each side's time. A shared virtual machine drifts in speed from minute to minute;
 * measured one after the other, the two sides of the ratio would see different machines.
 * Both tables grow alike, so each round's rows meet the same table sizes on both sides.
 * `other` is a second product side taking the same turns (the push scenario's server with
 * the change history switched off), so the cost of one feature is measured the same way.
 */
export async function interleavedPush(
  pool: Pool,
  raw: RawTable,
  ours: PushRunner,
  batches: readonly Mutation[][],
  rounds: number,
  other?: PushRunner,
): Promise<InterleavedPush> {
  const count = Math.max(1, Math.min(rounds, batches.length));
  let oursMs = 0;
  let rawMs = 0;
  let otherMs = 0;
  let rowsBefore = 0;
  const roundRatios: number[] = [];
  const otherRoundRatios: number[] = [];
  for (let round = 0; round < count; round++) {
    const slice = batches.slice(
      Math.floor((round * batches.length) / count),
      Math.floor(((round + 1) * batches.length) / count),
    );
    const sides: (() => Promise<number>)[] = [
      () => rawUpsert(pool, raw, slice, rowsBefore),
      async () => (await ours.push(slice)).ms,
    ];
    if (other) sides.push(async () => (await other.push(slice)).ms);
    const times: number[] = new Array(sides.length);
    for (let i = 0; i < sides.length; i++) {
      const side = (i + round) % sides.length;
      times[side] = await sides[side]();
    }
    const [roundRaw, roundOurs, roundOther] = times;
    rawMs += roundRaw;
    oursMs += roundOurs;
    roundRatios.push(roundOurs / roundRaw);
    if (other) {
      otherMs += roundOther;
      otherRoundRatios.push(roundOurs / roundOther);
    }
    rowsBefore += slice.reduce((n, b) => n + b.length, 0);
  }
  return other
    ? { oursMs, rawMs, roundRatios, otherMs, otherRoundRatios }
    : { oursMs, rawMs, roundRatios };
}
