import { effect, inject, Injectable, signal, untracked } from '@angular/core';
import { SYNCED_ENTITIES } from '@finwise/domain';
import type { SyncRow } from '@finwise/sync-client';
import { LiveRowsService } from '../../data/sync-client/live-rows.service';
import { rowChanges } from '../../data/sync-client/row-changes';

/**
 * The newest version of every row of every synced entity this device has shown. A change the
 * server refuses is rolled back, and a refused create leaves no row behind: a notice can still
 * say which transaction or account it was about from what was last on screen.
 */
@Injectable({ providedIn: 'root' })
export class RowMemoryService {
  private readonly rows = new Map<string, Map<string, SyncRow>>();
  /** The list each entity's rows were last remembered from. */
  private readonly lastSeen = new Map<string, readonly SyncRow[]>();
  /** Moves on with every remembered change, so a notice worded before its row arrived is redone. */
  private readonly version = signal(0);

  constructor() {
    const live = inject(LiveRowsService);
    for (const { modelName } of SYNCED_ENTITIES) {
      const rows = live.of(modelName);
      effect(() => {
        const current = rows();
        if (current) {
          untracked(() => this.remember(modelName, current));
        }
      });
    }
  }

  lastKnown(modelName: string, id: string): SyncRow | undefined {
    this.version();
    return this.rows.get(modelName)?.get(id.toLowerCase());
  }

  private remember(modelName: string, rows: readonly SyncRow[]): void {
    let known = this.rows.get(modelName);
    if (!known) {
      known = new Map();
      this.rows.set(modelName, known);
    }
    // Only the rows that changed since the last list: walking all of them per edit cost more
    // than the edit itself at 100,000 transactions.
    const previous = this.lastSeen.get(modelName);
    const changes = previous ? rowChanges(previous, rows) : null;
    this.lastSeen.set(modelName, rows);
    if (changes) {
      if (changes.length === 0) return;
      for (const { after } of changes) {
        if (after) known.set(after.id, after);
      }
    } else {
      for (const row of rows) {
        known.set(row.id, row);
      }
    }
    this.version.update((version) => version + 1);
  }
}
