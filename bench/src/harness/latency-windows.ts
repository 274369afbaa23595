import { collectGarbage } from './context';
import type { FanOut } from './fan-out';
import { runLatency, type LatencyRunResult } from './latency-run';

export type LatencySide = 'ours' | 'raw';

export interface WindowedLatency {
  /** Each side's windows in the order they ran. */
  ours: LatencyRunResult[];
  raw: LatencyRunResult[];
  /** The side that went first in each round. */
  firstSides: LatencySide[];
}

/**
 * Both sides of a fan-out comparison on connections kept open throughout: one warm-up per
 * side, `settle()`, then `windows` rounds of one measured window per side, the side that goes
 * first changing every round. A shared machine drifts in speed from one minute to the next;
 * measured one after the other, the two sides would see different machines.
 */
export async function runAlternatingWindows(input: {
  sides: Readonly<Record<LatencySide, FanOut>>;
  windows: number;
  windowMs: number;
  intervalMs: number;
  warmupMs: number;
  /** Between the warm-ups and the first window: lets the warm-up's deliveries and earlier work drain. */
  settle: () => Promise<void>;
}): Promise<WindowedLatency> {
  const nextSeq: Record<LatencySide, number> = { ours: 0, raw: 0 };
  const run = async (side: LatencySide, durationMs: number, warmupMs: number) => {
    const result = await runLatency({
      receivers: input.sides[side].receivers,
      send: input.sides[side].send,
      intervalMs: input.intervalMs,
      durationMs,
      warmupMs,
      firstSeq: nextSeq[side],
    });
    nextSeq[side] = result.nextSeq;
    return result;
  };
  await run('ours', 0, input.warmupMs);
  await run('raw', 0, input.warmupMs);
  await input.settle();

  const result: WindowedLatency = { ours: [], raw: [], firstSides: [] };
  for (let round = 0; round < input.windows; round += 1) {
    const order: LatencySide[] = round % 2 === 0 ? ['ours', 'raw'] : ['raw', 'ours'];
    result.firstSides.push(order[0]);
    for (const side of order) {
      // Symmetric for both sides: neither inherits the other's garbage in this process.
      collectGarbage();
      result[side].push(await run(side, input.windowMs, 0));
    }
  }
  return result;
}
