import { HybridLogicalClock, maxHlc, type Hlc } from '@finwise/sync-protocol';
import {
  CLOCK_OFFSET_THRESHOLD_MS,
  measuredOffset,
  stampingOffset,
  type RequestTiming,
  type ServerTimeSample,
} from './clock-offset';
import type { LocalDatabase } from './local-database';
import { readMeta, writeMeta } from './meta';

/** See `PersistedClock.stamps`. */
export interface ClockStamps {
  /** A fresh HLC greater than `floor`, as `PersistedClock.tick` would give. */
  tick(floor?: Hlc | null): Hlc;
  save(): Promise<void>;
}

/**
 * The replica's HLC, kept in `meta` and read inside each writing transaction. Tabs of one
 * tenant share the node id, so their ticks must come from the one stored state: IndexedDB
 * serializes the transactions and no two local changes can ever get the same HLC.
 *
 * Its physical time is the device clock plus the offset to the server's clock (kept in `meta`
 * too, so every tab and a reload offline stamp alike): a device whose clock is wrong still
 * stamps near the server's time, so its changes neither get refused as `clock_skew` nor win
 * every conflict.
 */
export class PersistedClock {
  constructor(
    readonly nodeId: string,
    private readonly deviceClock: () => number = Date.now,
  ) {}

  /** The device's own clock, uncorrected: what request round trips are measured with. */
  deviceNow(): number {
    return this.deviceClock();
  }

  /** A request timing of no length, for an answer whose round trip was not measured. */
  instant(): RequestTiming {
    const now = this.deviceClock();
    return { sentAtMs: now, receivedAtMs: now };
  }

  /**
   * A fresh HLC for a local change, greater than `floor` (the row's `updatedAt`, so a change
   * is ordered after the row it edits even when the clock was set back). Call inside a
   * read-write transaction over `meta`.
   */
  async tick(db: LocalDatabase, floor?: Hlc | null): Promise<Hlc> {
    const stamps = await this.stamps(db);
    const hlc = stamps.tick(floor);
    await stamps.save();
    return hlc;
  }

  /**
   * The clock for many local changes in one read-write transaction over `meta`: read once,
   * ticked in memory, stored once with `save()`. The transaction keeps other tabs' ticks out
   * meanwhile, so the stamps are exactly those of a `tick` per change.
   */
  async stamps(db: LocalDatabase): Promise<ClockStamps> {
    const clock = await this.load(db);
    return {
      tick: (floor) => clock.tickAfter(floor),
      save: () => writeMeta(db, 'clock', clock.state),
    };
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

  /**
   * Learns the server's time from an ack or a pull page: keeps the offset to it, and sets the
   * clock back when it ran ahead of the server by more than the threshold (a fast device that
   * stamped changes before it knew better), so that new stamps pass the server's skew check.
   * Setting it back loses no order: a local change ticks after its row's clocks, and a change
   * the server refused as skewed is re-stamped. Call inside a read-write transaction over `meta`.
   */
  async learnServerTime(db: LocalDatabase, sample: ServerTimeSample): Promise<void> {
    const measured = measuredOffset(sample);
    if (measured === null) return;
    const offset = stampingOffset(measured);
    if (offset !== ((await readMeta(db, 'clockOffset')) ?? 0))
      await writeMeta(db, 'clockOffset', offset);
    const state = await readMeta(db, 'clock');
    const now = this.deviceClock();
    if (state && state.ms - (now + measured) > CLOCK_OFFSET_THRESHOLD_MS) {
      await writeMeta(db, 'clock', { ms: now + offset, counter: 0 });
    }
  }

  private async load(db: LocalDatabase): Promise<HybridLogicalClock> {
    const offset = (await readMeta(db, 'clockOffset')) ?? 0;
    const wallClock = () => this.deviceClock() + offset;
    return new HybridLogicalClock(this.nodeId, wallClock, await readMeta(db, 'clock'));
  }
}
