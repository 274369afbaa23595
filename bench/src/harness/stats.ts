/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarizeLatency(samples: readonly number[]): LatencySummary {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.length === 0 ? Number.NaN : samples.reduce((a, b) => Math.max(a, b), -Infinity),
  };
}

/**
 * One side's figures over its measurement windows: the median of the windows' p50 and of their
 * p99 (a window disturbed by the shared machine moves the median little), and the largest
 * delivery of any window. Windows without deliveries are left out (their counts say so).
 */
export function summarizeWindows(windows: readonly LatencySummary[]): LatencySummary {
  const timed = windows.filter((w) => w.count > 0);
  return {
    count: timed.reduce((sum, w) => sum + w.count, 0),
    p50: median(timed.map((w) => w.p50)),
    p99: median(timed.map((w) => w.p99)),
    max: timed.length === 0 ? Number.NaN : Math.max(...timed.map((w) => w.max)),
  };
}
