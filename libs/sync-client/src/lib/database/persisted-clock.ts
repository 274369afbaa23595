import { HybridLogicalClock, maxHlc, type Hlc } from '@finwise/sync-protocol';
import type { LocalDatabase } from './local-database';
import { readMeta, writeMeta } from './meta';

/**
 * The replica's HLC, kept in `meta` and read inside each writing transaction. Tabs of one
 * tenant share the node id, so their ticks must come from the one stored state: IndexedDB
 * serializes the transactions and no two local changes can ever get the same HLC.
 */
export class PersistedClock {
  constructor(
    readonly nodeId: string,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** A fresh HLC for a local change. Call inside a read-write transaction over `meta`. */
  async tick(db: LocalDatabase): Promise<Hlc> {
    const clock = await this.load(db);
    const hlc = clock.tick();
    await writeMeta(db, 'clock', clock.state);
    return hlc;
  }

  /** Folds received timestamps in, so the next local change orders after all of them. */
  async observe(db: LocalDatabase, received: Iterable<Hlc | null | undefined>): Promise<void> {
    let newest: Hlc | null = null;
    for (const hlc of received) newest = maxHlc(newest, hlc);
    if (!newest) return;
    const clock = await this.load(db);
    const before = clock.last;
    clock.observe(newest);
    if (clock.last !== before) await writeMeta(db, 'clock', clock.state);
  }

  private async load(db: LocalDatabase): Promise<HybridLogicalClock> {
    return new HybridLogicalClock(this.nodeId, this.wallClock, await readMeta(db, 'clock'));
  }
}
