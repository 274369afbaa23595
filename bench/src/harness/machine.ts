import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { postgresVersion } from './postgres';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
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
    loadAverageStart: loadavg().map(round2),
    loadAverageEnd: [],
  };
}

export function currentLoad(): number[] {
  return loadavg().map(round2);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Resident set size of a process (Linux /proc), in bytes. */
export function processRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}
