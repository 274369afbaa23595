import type { BenchContext } from '../harness/context';
import { latencyNotes, type DeliveryCounts } from '../harness/fan-out';
import type { LatencyRunResult } from '../harness/latency-run';
import type { WindowedLatency } from '../harness/latency-windows';
import { summarizeWindows, type LatencySummary } from '../harness/stats';

interface LatencyRow {
  scenario: string;
  metric: string;
  detail: string;
  baselineName: string;
}

/** p50, p99 and max against the raw baseline (target: p99 ≤ 2×); the ratio is ours ÷ raw. */
function recordFigures(
  context: BenchContext,
  row: LatencyRow,
  ours: LatencySummary,
  raw: LatencySummary,
  notes: string[],
): void {
  for (const key of ['p50', 'p99', 'max'] as const) {
    context.record({
      scenario: row.scenario,
      metric: `${row.metric} ${key}`,
      detail: row.detail,
      unit: 'ms',
      ours: ours[key],
      baseline: raw[key],
      baselineName: row.baselineName,
      better: 'lower',
      target: key === 'p99' ? { op: '<=', ratio: 2 } : null,
      notes,
    });
  }
}

const figures = (s: LatencySummary) =>
  `${s.p50.toFixed(1)}/${s.p99.toFixed(1)}/${s.max.toFixed(1)}`;

/** Records one fan-out run of each side (scenario 5). */
export function recordLatency(
  context: BenchContext,
  input: LatencyRow & { ours: LatencyRunResult; raw: LatencyRunResult },
): void {
  const { ours, raw } = input;
  recordFigures(context, input, ours.summary, raw.summary, [
    ...latencyNotes('ours', ours),
    ...latencyNotes('raw', raw),
  ]);
  context.log(
    `${input.detail}: ours p50/p99/max ${figures(ours.summary)} ms, raw ${figures(raw.summary)} ms` +
      (ours.missing + raw.missing > 0
        ? ` (missing: ours ${ours.missing}, raw ${raw.missing})`
        : ''),
  );
}

function totals(windows: readonly LatencyRunResult[]): DeliveryCounts {
  const sum = (pick: (w: LatencyRunResult) => number) =>
    windows.reduce((total, w) => total + pick(w), 0);
  return {
    delivered: sum((w) => w.delivered),
    expected: sum((w) => w.expected),
    missing: sum((w) => w.missing),
    writeErrors: sum((w) => w.writeErrors),
    payloadBytes: Math.max(0, ...windows.map((w) => w.payloadBytes)),
  };
}

const windowFigures = (windows: readonly LatencyRunResult[]) =>
  windows.map((w) => `${w.summary.p50.toFixed(2)}/${w.summary.p99.toFixed(2)}`).join(', ');

/**
 * Records alternating windows (scenario 3): each side's p50 and p99 are the medians of its
 * windows' p50 and p99, so the ratio is median(ours) ÷ median(raw); max is the largest
 * delivery of any window. The notes keep every window's p50/p99 of both sides.
 */
export function recordWindowedLatency(
  context: BenchContext,
  input: LatencyRow & { windows: WindowedLatency },
): void {
  const { windows } = input;
  const ours = summarizeWindows(windows.ours.map((w) => w.summary));
  const raw = summarizeWindows(windows.raw.map((w) => w.summary));
  const oursCounts = totals(windows.ours);
  const rawCounts = totals(windows.raw);
  const notes = [
    `${windows.ours.length} windows per side, alternating; first side per round: ${windows.firstSides.join(', ')}`,
    `p50/p99 = median over the side's windows; max = largest delivery of any window`,
    `ours window p50/p99 ms (in order): ${windowFigures(windows.ours)}`,
    `raw window p50/p99 ms (in order): ${windowFigures(windows.raw)}`,
    ...latencyNotes('ours', oursCounts),
    ...latencyNotes('raw', rawCounts),
  ];
  recordFigures(context, input, ours, raw, notes);
  context.log(
    `${input.detail}: ours p50/p99/max ${figures(ours)} ms, raw ${figures(raw)} ms ` +
      `(p50/p99: medians of the windows; p99 ratio ${(ours.p99 / raw.p99).toFixed(2)}×)` +
      (oursCounts.missing + rawCounts.missing > 0
        ? ` (missing: ours ${oursCounts.missing}, raw ${rawCounts.missing})`
        : ''),
  );
  context.log(`  ours windows p50/p99 ms: ${windowFigures(windows.ours)}`);
  context.log(`  raw windows p50/p99 ms:  ${windowFigures(windows.raw)}`);
}
