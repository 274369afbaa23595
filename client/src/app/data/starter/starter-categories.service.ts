import { inject, Injectable } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { starterCategoryRows } from '@finwise/finance';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { CategoriesStore } from '../stores/categories.store';
import { SyncClientService } from '../sync-client/sync-client.service';

/** How long sign-up waits for the new household's local database before giving up on the write. */
const CLIENT_WAIT_MS = 15_000;

/**
 * The suggested categories a new household may start with. They are ordinary synced writes
 * (local first, so sign-up works offline), each with a deterministic id and written only when
 * absent with the earliest HLC: a second run, on this device or another, neither duplicates a
 * category nor undoes a rename, and a deleted one stays deleted.
 */
@Injectable({ providedIn: 'root' })
export class StarterCategories {
  private readonly categories = inject(CategoriesStore);
  private readonly client$ = toObservable(inject(SyncClientService).client);

  async add(): Promise<void> {
    for (const row of starterCategoryRows()) {
      await this.categories.createIfAbsent(row);
    }
  }

  /** Right after sign-up the household's sync client is still opening: waits for it first. */
  async addOnceOpen(): Promise<void> {
    await firstValueFrom(
      this.client$.pipe(
        filter((client) => client !== null),
        timeout(CLIENT_WAIT_MS),
      ),
    );
    await this.add();
  }
}
