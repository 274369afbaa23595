import type { BenchContext } from '../harness/context';
import { latencyNotes } from '../harness/fan-out';
import type { LatencyRunResult } from '../harness/latency-run';

/** Records p50, p99 and max of one fan-out run against its raw Socket.IO baseline (target: p99 ≤ 2×). */
export function recordLatency(
  context: BenchContext,
  input: {
    scenario: string;
    metric: string;
    detail: string;
    ours: LatencyRunResult;
    raw: LatencyRunResult;
    baselineName: string;
  },
): void {
  const notes = [...latencyNotes('ours', input.ours), ...latencyNotes('raw', input.raw)];
  for (const key of ['p50', 'p99', 'max'] as const) {
    context.record({
      scenario: input.scenario,
      metric: `${input.metric} ${key}`,
      detail: input.detail,
      unit: 'ms',
      ours: input.ours.summary[key],
      baseline: input.raw.summary[key],
      baselineName: input.baselineName,
      better: 'lower',
      target: key === 'p99' ? { op: '<=', ratio: 2 } : null,
      notes,
    });
  }
  const { ours, raw } = input;
  context.log(
    `${input.detail}: ours p50/p99/max ${ours.summary.p50.toFixed(1)}/${ours.summary.p99.toFixed(1)}/${ours.summary.max.toFixed(1)} ms, ` +
      `raw ${raw.summary.p50.toFixed(1)}/${raw.summary.p99.toFixed(1)}/${raw.summary.max.toFixed(1)} ms` +
      (ours.missing + raw.missing > 0
        ? ` (missing: ours ${ours.missing}, raw ${raw.missing})`
        : ''),
  );
}
