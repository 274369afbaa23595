import type { SyncStatus } from '../public-types';
import { StatusStore } from './status-store';

describe('StatusStore', () => {
  it('calls a new listener at once and then only on real changes', () => {
    const store = new StatusStore();
    const seen: SyncStatus[] = [];
    const unsubscribe = store.subscribe((s) => seen.push(s));
    store.update({ online: true });
    store.update({ online: true });
    store.update({ lastSyncedAt: '2026-11-25T00:00:00.000Z' });
    unsubscribe();
    store.update({ online: false });
    expect(seen.map((s) => [s.online, s.lastSyncedAt])).toEqual([
      [false, null],
      [true, null],
      [true, '2026-11-25T00:00:00.000Z'],
    ]);
  });

  it('never lets initial-load progress go backwards', () => {
    const store = new StatusStore();
    store.update({ initialLoad: { loaded: 10, total: 100 } });
    store.update({ initialLoad: { loaded: 5, total: 50 } });
    expect(store.get().initialLoad).toEqual({ loaded: 10, total: 100 });
    store.update({ initialLoad: { loaded: 120, total: 100 } });
    expect(store.get().initialLoad).toEqual({ loaded: 120, total: 120 });
  });

  it('ignores a pending count from a read that started before one already applied', () => {
    const store = new StatusStore();
    const first = store.beginPendingRead();
    const second = store.beginPendingRead();
    store.setPendingCount(3, second);
    store.setPendingCount(7, first);
    expect(store.get().pendingCount).toBe(3);
  });
});
