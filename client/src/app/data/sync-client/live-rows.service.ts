import {
  effect,
  inject,
  Injectable,
  Injector,
  signal,
  untracked,
  type Signal,
} from '@angular/core';
import type { RowChange, SyncRow } from '@finwise/sync-client';
import { recordRowChanges } from './row-changes';
import { SyncClientService } from './sync-client.service';

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

  private follow(modelName: string): Signal<readonly SyncRow[] | null> {
    const rows = signal<readonly SyncRow[] | null>(null);
    const publish = (next: readonly SyncRow[] | null, changes?: readonly RowChange<SyncRow>[]) => {
      // What changed is kept beside the list, for whatever derives from it (see rowChanges).
      const previous = untracked(rows);
      if (next && previous && changes) recordRowChanges(previous, next, changes);
      rows.set(next);
    };
    effect(
      (onCleanup) => {
        const client = this.client();
        untracked(() => publish(null));
        if (client) {
          onCleanup(client.table(modelName).observe((next, changes) => publish(next, changes)));
        }
      },
      { injector: this.injector },
    );
    return rows.asReadonly();
  }
}
