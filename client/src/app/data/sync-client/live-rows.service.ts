import {
  effect,
  inject,
  Injectable,
  Injector,
  signal,
  untracked,
  type Signal,
} from '@angular/core';
import type { SyncRow } from '@finwise/sync-client';
import { SyncClientService } from './sync-client.service';

type RowsListener = (rows: readonly SyncRow[] | null) => void;

/**
 * The live rows of each synced entity in the signed-in household's local database. Each entity
 * gets one live query, shared by its store and by anything else that reads it (the rejection
 * notices read every entity), so a second reader costs no second scan of the table.
 */
@Injectable({ providedIn: 'root' })
export class LiveRowsService {
  private readonly client = inject(SyncClientService).client;
  private readonly injector = inject(Injector);
  private readonly tables = new Map<string, Signal<readonly SyncRow[] | null>>();
  private readonly listeners = new Map<string, Set<RowsListener>>();

  /**
   * The entity's rows, tombstones left out; null until the local database has answered for
   * this household (an empty list is then real). A household switch starts over at null.
   */
  of(modelName: string): Signal<readonly SyncRow[] | null> {
    let rows = this.tables.get(modelName);
    if (!rows) {
      rows = this.follow(modelName);
      this.tables.set(modelName, rows);
    }
    return rows;
  }

  /**
   * Calls `listener` with the entity's rows now and, in the same turn as `of` changes, after
   * every change (for state that must not lag a change detection behind, such as a store's
   * entities). Returns the unsubscribe.
   */
  listen(modelName: string, listener: RowsListener): () => void {
    const rows = this.of(modelName);
    const listeners = this.listeners.get(modelName) ?? new Set<RowsListener>();
    this.listeners.set(modelName, listeners);
    listeners.add(listener);
    listener(untracked(rows));
    return () => listeners.delete(listener);
  }

  private follow(modelName: string): Signal<readonly SyncRow[] | null> {
    const rows = signal<readonly SyncRow[] | null>(null);
    const publish = (next: readonly SyncRow[] | null) => {
      rows.set(next);
      for (const listener of this.listeners.get(modelName) ?? []) listener(next);
    };
    effect(
      (onCleanup) => {
        const client = this.client();
        untracked(() => publish(null));
        if (client) {
          onCleanup(client.table(modelName).observe(publish));
        }
      },
      { injector: this.injector },
    );
    return rows.asReadonly();
  }
}
