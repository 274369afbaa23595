import { readFile } from 'node:fs/promises';

export interface HeapGrowth {
  /** Live heap after GC at the start and at the end of the measured window, bytes. */
  startBytes: number;
  endBytes: number;
  /** (end − start) ÷ start. */
  growth: number;
  samples: number;
}

/**
 * The server's heap growth over `[fromMs, toMs]` from the probe's log (one `time bytes` line per
 * sample after a full GC). Start and end are medians of the window's first and last quarter, so
 * one sample taken in the middle of a burst moves neither.
 */
export async function heapGrowth(file: string, fromMs: number, toMs: number): Promise<HeapGrowth> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const samples = text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ').map(Number) as [number, number])
    .filter(([time]) => time >= fromMs && time <= toMs);
  if (samples.length < 4) throw new Error(`only ${samples.length} heap samples in the window`);
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const startBytes = median(samples.slice(0, quarter).map(([, bytes]) => bytes));
  const endBytes = median(samples.slice(-quarter).map(([, bytes]) => bytes));
  return {
    startBytes,
    endBytes,
    growth: (endBytes - startBytes) / startBytes,
    samples: samples.length,
  };
}
