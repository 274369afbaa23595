import type { Mutation } from '@finwise/sync-protocol';
import type { Pool } from 'pg';
import type { PushRunner } from './protocol-drivers';
import { rawUpsert, type RawTable } from './raw-postgres';

export interface InterleavedPush {
  oursMs: number;
  rawMs: number;
  /** ours ÷ raw elapsed time per round, to show how steady the machine was. */
  roundRatios: number[];
}

/**
 * Pushes the batches through the product and through the raw upsert in alternating rounds
 * (contiguous slices of the batches, the side that goes first swapping every round) and
 * sums each side's time. A shared virtual machine drifts in speed from minute to minute;
 * measured one after the other, the two sides of the ratio would see different machines.
 * Both tables grow alike, so each round's rows meet the same table sizes on both sides.
 */
export async function interleavedPush(
  pool: Pool,
  raw: RawTable,
  ours: PushRunner,
  batches: readonly Mutation[][],
  rounds: number,
): Promise<InterleavedPush> {
  const count = Math.max(1, Math.min(rounds, batches.length));
  let oursMs = 0;
  let rawMs = 0;
  let rowsBefore = 0;
  const roundRatios: number[] = [];
  for (let round = 0; round < count; round++) {
    const slice = batches.slice(
      Math.floor((round * batches.length) / count),
      Math.floor(((round + 1) * batches.length) / count),
    );
    const runRaw = () => rawUpsert(pool, raw, slice, rowsBefore);
    const runOurs = async () => (await ours.push(slice)).ms;
    let roundRaw: number;
    let roundOurs: number;
    if (round % 2 === 0) {
      roundRaw = await runRaw();
      roundOurs = await runOurs();
    } else {
      roundOurs = await runOurs();
      roundRaw = await runRaw();
    }
    rawMs += roundRaw;
    oursMs += roundOurs;
    roundRatios.push(roundOurs / roundRaw);
    rowsBefore += slice.reduce((n, b) => n + b.length, 0);
  }
  return { oursMs, rawMs, roundRatios };
}
