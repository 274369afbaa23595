import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup';

/** A server process's memory right after a full garbage collection, in bytes. */
export interface HeapReading {
  heapUsed: number;
  /** C++ objects V8 tracks for JavaScript (buffers, sockets' native state): not in `heapUsed`. */
  external: number;
  /** Resident set, after the same GC: it also holds pages the allocators keep for reuse. */
  rss: number;
}

/**
 * Reads the V8 heap of one server process after a forced full GC, through the preload
 * `heap-probe.cjs`: start the process with `nodeArgs` and `env`, then `read(pid)` signals it
 * and waits for the line the preload appends to its report file.
 */
export interface HeapProbe {
  nodeArgs: string[];
  env: Record<string, string>;
  read(pid: number): Promise<HeapReading>;
  dispose(): Promise<void>;
}

const SIGNAL = 'SIGUSR2';
const POLL_MS = 20;
const TIMEOUT_MS = 30_000;

export function createHeapProbe(workspaceRoot: string): HeapProbe {
  const dir = mkdtempSync(join(tmpdir(), 'finwise-bench-heap-'));
  const file = join(dir, 'heap.log');
  const dispose = onCleanup('heap probe', () => rmSync(dir, { recursive: true, force: true }));
  const lines = (): string[] => {
    try {
      // Only whole lines: the last one may still be being written.
      return readFileSync(file, 'utf8').split('\n').slice(0, -1);
    } catch {
      return [];
    }
  };
  return {
    nodeArgs: [
      '--expose-gc',
      '--require',
      join(workspaceRoot, 'bench', 'src', 'harness', 'heap-probe.cjs'),
    ],
    env: { BENCH_HEAP_FILE: file },
    async read(pid) {
      const seen = lines().length;
      process.kill(pid, SIGNAL);
      const deadline = Date.now() + TIMEOUT_MS;
      for (;;) {
        const now = lines();
        if (now.length > seen) {
          const [heapUsed, external, rss] = now[now.length - 1].split(' ').map(Number);
          return { heapUsed, external, rss };
        }
        if (Date.now() > deadline)
          throw new Error(`process ${pid} wrote no heap figure within ${TIMEOUT_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    dispose,
  };
}
