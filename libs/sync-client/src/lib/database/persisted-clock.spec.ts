import { parseHlc } from '@finwise/sync-protocol';
import { newDevice } from '../../../test/support/fake-indexeddb';
import { measuredOffset, stampingOffset } from './clock-offset';
import { openLocalDatabase } from '../local/open-database';
import type { LocalDatabase } from './local-database';
import { readMeta } from './meta';
import { PersistedClock } from './persisted-clock';

const SERVER_MS = Date.UTC(2026, 10, 25, 16, 40);
const iso = (ms: number) => new Date(ms).toISOString();

describe('clock offset', () => {
  it('is measured against the middle of the round trip', () => {
    const offset = measuredOffset({
      serverTime: iso(SERVER_MS),
      sentAtMs: SERVER_MS + 600_000,
      receivedAtMs: SERVER_MS + 600_200,
    });
    expect(offset).toBe(-600_100);
    expect(measuredOffset({ serverTime: 'not a time', sentAtMs: 0, receivedAtMs: 0 })).toBeNull();
  });

  it('is stamped with only when the device is off by more than a minute', () => {
    expect(stampingOffset(-59_999)).toBe(0);
    expect(stampingOffset(45_000)).toBe(0);
    expect(stampingOffset(-600_000)).toBe(-600_000);
    expect(stampingOffset(90_000)).toBe(90_000);
  });
});

describe('PersistedClock and the server time', () => {
  let db: LocalDatabase;
  let deviceMs: number;
  let clock: PersistedClock;

  beforeEach(async () => {
    ({ db } = await openLocalDatabase('tenant-clock', newDevice()));
    deviceMs = SERVER_MS + 10 * 60_000;
    clock = new PersistedClock('0123456789abcdef', () => deviceMs);
  });
  afterEach(() => db.close());

  // Async callbacks: Dexie keeps its transaction across native awaits only inside one.
  const tick = (floor?: string) =>
    db.transaction('rw', db.syncTables(), async () => await clock.tick(db, floor));
  const learn = (serverMs: number) =>
    db.transaction('rw', db.syncTables(), async () => {
      await clock.learnServerTime(db, {
        serverTime: iso(serverMs),
        sentAtMs: deviceMs,
        receivedAtMs: deviceMs,
      });
    });

  it('stamps with the device time until it learns the server time, then with the server time', async () => {
    expect(parseHlc(await tick())?.ms).toBe(deviceMs);
    await learn(SERVER_MS);
    expect(await readMeta(db, 'clockOffset')).toBe(-600_000);
    // Set back from the device's fast time: the next stamp passes the server's skew check.
    const next = parseHlc(await tick());
    expect(next?.ms).toBe(SERVER_MS);
  });

  it('still orders a change after its row, whose clock may be ahead of the corrected time', async () => {
    const rowClock = await tick();
    await learn(SERVER_MS);
    const next = await tick(rowClock);
    expect(next > rowClock).toBe(true);
  });

  it('keeps its own time when the device is within a minute of the server', async () => {
    deviceMs = SERVER_MS + 30_000;
    await learn(SERVER_MS);
    expect(await readMeta(db, 'clockOffset')).toBeUndefined();
    expect(parseHlc(await tick())?.ms).toBe(deviceMs);
  });
});
