import { appendFileSync } from 'node:fs';

/**
 * Memory figures of the fault suite's one process: the peak resident size for the summary,
 * and with `FAULT_HEAP_LOG=<file>` one line per case with the heap left after a full
 * collection (run with `--expose-gc`), so growth per case shows without a heap snapshot.
 */
export class HeapProbe {
  private readonly startedAt = Date.now();

  constructor(private readonly logFile = process.env['FAULT_HEAP_LOG'] ?? '') {}

  /** After a case: logs the live heap when asked to (a forced GC per case costs some 50 ms). */
  afterCase(caseNumber: number): void {
    if (!this.logFile) return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    const seconds = ((Date.now() - this.startedAt) / 1000).toFixed(0);
    appendFileSync(
      this.logFile,
      `case ${caseNumber} ${seconds}s heapUsed ${mb(heapUsed)} rss ${mb(rss)}${gc ? '' : ' (no --expose-gc)'}\n`,
    );
  }

  summary(): string {
    const { heapUsed } = process.memoryUsage();
    // maxRSS is in kilobytes.
    const peakRss = (process.resourceUsage().maxRSS * 1024) / 1e6;
    return `heap in use at the end ${mb(heapUsed)} MB, peak RSS ${peakRss.toFixed(0)} MB`;
  }
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
