import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { postgresSettings, postgresVersion, type PostgresSetting } from './postgres';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  /** Write-path settings of that server (see REPORTED_SETTINGS); empty when it was unreachable. */
  postgresSettings: Record<string, PostgresSetting>;
  /** 1/5/15-minute load averages at start and end: other work on the machine moves the figures. */
  loadAverageStart: number[];
  loadAverageEnd: number[];
}

export async function describeMachine(): Promise<MachineInfo> {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    postgres: await postgresVersion().catch(() => 'unreachable'),
    postgresSettings: await postgresSettings().catch(() => ({})),
    loadAverageStart: loadavg().map(round2),
    loadAverageEnd: [],
  };
}

/** `shared_buffers=16384×8kB synchronous_commit=on …`, for the run's first lines. */
export function describeSettings(settings: Record<string, PostgresSetting>): string {
  return Object.entries(settings)
    .map(([name, { setting, unit }]) => `${name}=${setting}${unit ? `×${unit}` : ''}`)
    .join(' ');
}

export function currentLoad(): number[] {
  return loadavg().map(round2);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * This process's soft limit on open files (Linux /proc), which the server processes it starts
 * inherit; null where unknown or unlimited. Every socket is a file descriptor on both ends.
 */
export function openFilesLimit(): number | null {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const match = /^Max open files\s+(\d+)/m.exec(limits);
  return match ? Number(match[1]) : null;
}

/** Idle and total CPU time of all cores so far, in ms. */
function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

/**
 * Waits until the cores are mostly idle — at least `idleShare` of their time over one
 * `windowMs` window — for at most `maxWaitMs`, and returns how long it waited. Work an earlier
 * scenario leaves behind (a browser shutting down, a server's idle-time garbage collection,
 * autovacuum) would otherwise land inside whichever side of a comparison is measured first.
 */
export async function waitForIdleCores(
  options: { idleShare?: number; windowMs?: number; maxWaitMs?: number } = {},
): Promise<number> {
  const { idleShare = 0.9, windowMs = 500, maxWaitMs = 20_000 } = options;
  const started = performance.now();
  for (;;) {
    const before = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after = cpuTimes();
    const share = (after.idle - before.idle) / Math.max(after.total - before.total, 1);
    const waited = performance.now() - started;
    if (share >= idleShare || waited >= maxWaitMs) return waited;
  }
}

/**
 * Writes the page cache's dirty data to disk now (`sync`), so that the kernel's write-back of
 * what earlier scenarios wrote (a browser profile, page files) does not run later, in the middle
 * of a measurement. Where `sync` is missing this is a no-op.
 */
export async function flushDirtyPages(): Promise<void> {
  await promisify(execFile)('sync').catch(() => undefined);
}
