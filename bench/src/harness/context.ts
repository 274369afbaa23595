import { flushDirtyPages, waitForIdleCores } from './machine';
import { createBenchPageDir } from './bench-page';
import type { BenchOptions, ScenarioName } from './options';
import type { BenchDatabase } from './postgres';
import type { Measurement, Skipped } from './report';
import { startServer, type RunningServer } from './server-process';
import type { Session } from './session';

/** A tenant whose feed holds exactly `rows` transactions, left by the push scenario for the load one. */
export interface LoadedTenant {
  session: Session;
  rows: number;
}

/**
 * What one repetition of the benchmark shares: its throwaway database, the long-lived server
 * for the data scenarios (push, load, growth), and the collected figures.
 */
export class BenchContext {
  readonly measurements: Measurement[] = [];
  readonly skipped: Skipped[] = [];
  loadedTenant: LoadedTenant | null = null;
  /** Static directory every server of this run serves: the browser benchmark page. */
  readonly pageDir: string;
  private primary: RunningServer | null = null;

  constructor(
    readonly options: BenchOptions,
    readonly database: BenchDatabase,
    readonly run: number,
  ) {
    this.pageDir = createBenchPageDir(options.bundleDir);
  }

  record(measurement: Measurement): void {
    this.measurements.push(measurement);
  }

  skip(scenario: string, reason: string): void {
    this.skipped.push({ scenario, reason });
    this.log(`skipped ${scenario}: ${reason}`);
  }

  log(line: string): void {
    process.stdout.write(`  ${line}\n`);
  }

  /** Starts a server on this run's database (stopped by `close()` or on failure). */
  startServer(
    label: string,
    redisUrl?: string,
    env?: Readonly<Record<string, string>>,
    nodeArgs?: readonly string[],
  ): Promise<RunningServer> {
    return startServer({
      workspaceRoot: this.options.workspaceRoot,
      serverMain: this.options.serverMain,
      databaseUrl: this.database.url,
      redisUrl,
      env,
      nodeArgs,
      cpuProfileDir: this.options.cpuProfileDir,
      clientDir: this.pageDir,
      label: `${label}-run${this.run}`,
    });
  }

  /**
   * Before a latency measurement (each side of scale-out, scenario 3's windows). The data scenarios leave work behind that
   * would otherwise land at random inside the measured seconds (stalls of up to 0.75 s were
   * seen), mostly inside the side measured first: autovacuum of 100k fresh rows, dirty pages
   * for the next checkpoint, garbage in this process, the kernel's write-back of the files a
   * browser profile and the page files left (it delays PostgreSQL's WAL flushes, so only the
   * product's commits), and a browser or servers winding down (waited out on idle cores).
   */
  async settle(): Promise<void> {
    await this.database.pool.query('VACUUM (ANALYZE)');
    await this.database.pool.query('CHECKPOINT');
    await flushDirtyPages();
    collectGarbage();
    const waited = await waitForIdleCores();
    if (waited > 2_000) this.log(`waited ${(waited / 1000).toFixed(1)} s for idle cores`);
  }

  /** The server shared by the data scenarios, started on first use. */
  async primaryServer(): Promise<RunningServer> {
    this.primary ??= await this.startServer('primary');
    return this.primary;
  }

  async close(): Promise<void> {
    await this.primary?.stop();
    this.primary = null;
  }
}

export interface Scenario {
  name: ScenarioName | 'peer';
  title: string;
  run(context: BenchContext): Promise<void>;
}

/** A full GC of this process when Node runs with --expose-gc (bench/run.mjs passes it). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
