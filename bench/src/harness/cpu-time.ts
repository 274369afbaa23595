import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';
import type { PushRun, PushRunner } from './protocol-drivers';

/** Linux reports process times in clock ticks of 1/100 s (`getconf CLK_TCK`). */
const MS_PER_TICK = 10;

/** CPU time a push side used, in ms: its server process and the database backends serving it. */
export interface CpuUse {
  serverMs: number;
  databaseMs: number;
}

/**
 * User + system CPU of a process so far, in ms; 0 when it is gone. Fields 14 and 15 of
 * /proc/<pid>/stat, counted after the command name, which may itself contain spaces.
 */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return 0;
  }
}

/** CPU so far of every client backend connected to the pool's database, by pid. */
async function backendsCpuMs(pool: Pool): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'",
  );
  return new Map(rows.map(({ pid }) => [pid, processCpuMs(pid)]));
}

/**
 * A push side that also counts the CPU its server and the database spend on it. Wall time on
 * a shared machine depends on what else runs; CPU time much less, so the notes of a figure can
 * say what a feature costs even when the machine was busy. The sides of a run push one after
 * the other, so the backends of the bench database serve only the side that is pushing (and
 * the listener, whose work is the same on every side).
 */
export function countingCpu(
  runner: PushRunner,
  serverPid: number,
  pool: Pool,
): PushRunner & { cpu: CpuUse } {
  const cpu: CpuUse = { serverMs: 0, databaseMs: 0 };
  return {
    cpu,
    async push(batches): Promise<PushRun> {
      const server = processCpuMs(serverPid);
      const before = await backendsCpuMs(pool);
      const run = await runner.push(batches);
      const after = await backendsCpuMs(pool);
      cpu.serverMs += processCpuMs(serverPid) - server;
      for (const [pid, ms] of after) cpu.databaseMs += ms - (before.get(pid) ?? 0);
      return run;
    },
    close: () => runner.close(),
  };
}
