import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { MachineInfo } from './machine';
import type { BenchOptions } from './options';
import { median } from './stats';

/** One figure of one scenario, with the baseline measured in the same run. */
export interface Measurement {
  scenario: string;
  metric: string;
  /** Size and shape of what was measured, e.g. "100,000 rows in 233 batches". */
  detail: string;
  unit: 'rows/s' | 's' | 'ms' | 'KiB' | 'fps';
  ours: number;
  baseline: number | null;
  baselineName: string | null;
  /** `higher`: a bigger figure is better (throughput); `lower`: smaller is better (time, latency, memory). */
  better: 'higher' | 'lower';
  /** The target for ours ÷ baseline, where the scenario has one. */
  target: { op: '>=' | '<='; ratio: number } | null;
  /** Observations worth keeping with the figure (lost deliveries, payload sizes…). */
  notes?: string[];
}

export interface AggregatedMeasurement extends Measurement {
  /** ours ÷ baseline: the median of the per-run ratios. */
  ratio: number | null;
  meetsTarget: boolean | null;
  runs: { ours: number; baseline: number | null }[];
}

export interface Skipped {
  scenario: string;
  reason: string;
}

const keyOf = (m: Measurement) => `${m.scenario}\u0000${m.metric}\u0000${m.detail}`;

/** Medians over repeated runs: one noisy run on a shared machine must not decide a figure. */
export function aggregate(measurements: readonly Measurement[]): AggregatedMeasurement[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) groups.set(keyOf(m), [...(groups.get(keyOf(m)) ?? []), m]);
  return [...groups.values()].map((group) => {
    const first = group[0];
    const baselines = group.map((m) => m.baseline).filter((b): b is number => b !== null);
    const ratios = group
      .filter((m) => m.baseline !== null && m.baseline !== 0)
      .map((m) => m.ours / (m.baseline as number));
    const ratio = ratios.length > 0 ? median(ratios) : null;
    const meetsTarget =
      ratio === null || !first.target
        ? null
        : first.target.op === '>='
          ? ratio >= first.target.ratio
          : ratio <= first.target.ratio;
    return {
      ...first,
      ours: median(group.map((m) => m.ours)),
      baseline: baselines.length > 0 ? median(baselines) : null,
      ratio,
      meetsTarget,
      runs: group.map((m) => ({ ours: m.ours, baseline: m.baseline })),
      notes: [...new Set(group.flatMap((m) => m.notes ?? []))],
    };
  });
}

export function formatValue(value: number | null, unit: Measurement['unit']): string {
  if (value === null || Number.isNaN(value)) return '–';
  switch (unit) {
    case 'rows/s':
      return `${Math.round(value).toLocaleString('en-US')} rows/s`;
    case 's':
      return `${value.toFixed(2)} s`;
    case 'ms':
      return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
    case 'KiB':
      return `${value.toFixed(1)} KiB`;
    case 'fps':
      return `${value.toFixed(1)} fps`;
  }
}

function formatRatio(m: AggregatedMeasurement): string {
  if (m.ratio === null) return '–';
  const text = `${m.ratio.toFixed(2)}×`;
  if (!m.target) return text;
  return `${text} (target ${m.target.op} ${m.target.ratio}: ${m.meetsTarget ? 'met' : 'MISSED'})`;
}

export function renderTable(rows: readonly AggregatedMeasurement[]): string {
  const header = ['scenario', 'metric', 'detail', 'ours', 'baseline', 'ours ÷ baseline'];
  const body = rows.map((m) => [
    m.scenario,
    m.metric,
    m.detail,
    formatValue(m.ours, m.unit),
    m.baseline === null ? '–' : `${formatValue(m.baseline, m.unit)} (${m.baselineName})`,
    formatRatio(m),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

export interface BenchReport {
  version: 1;
  startedAt: string;
  finishedAt: string;
  mode: BenchOptions['mode'];
  repeat: number;
  argv: string[];
  machine: MachineInfo;
  measurements: AggregatedMeasurement[];
  skipped: Skipped[];
  failures: Skipped[];
}

/** Writes the report and a copy named after the mode, so a quick CI run keeps the last full one. */
export function writeReport(file: string, report: BenchReport): string[] {
  mkdirSync(dirname(file), { recursive: true });
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(file, text);
  const copy = join(dirname(file), `${basename(file, '.json')}-${report.mode}.json`);
  writeFileSync(copy, text);
  return [file, copy];
}
