import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  Injector,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { SyncClientService } from '../../data/sync-client/sync-client.service';
import { USER_LOCALE } from '../../shared/locale';
import { overwrittenNotices, overwrittenSummary } from '../overwritten/overwritten-notices';
import { RowMemoryService } from '../rejection-notices/row-memory.service';

/** Always-visible sync state: connection, changes waiting to be sent, and the last exchange. */
@Component({
  selector: 'fw-sync-indicator',
  imports: [RouterLink],
  templateUrl: './sync-indicator.component.html',
  styleUrl: './sync-indicator.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SyncIndicatorComponent {
  private readonly sync = inject(SyncClientService);
  private readonly locale = inject(USER_LOCALE);
  private readonly injector = inject(Injector);

  protected readonly status = this.sync.status;
  protected readonly problem = this.sync.problem;

  protected readonly pendingText = computed(() => {
    const count = this.status().pendingCount;
    return count === 0
      ? 'All changes synced'
      : count === 1
        ? '1 change pending'
        : `${count} changes pending`;
  });

  /** This device's changes whose values lost to newer ones from another device. */
  protected readonly overwritten = computed(() => {
    const changes = this.status().overwritten;
    if (changes.length === 0) {
      return null;
    }
    // Remembering every row costs a live query per entity: only once there is a row to name.
    const memory = untracked(() => this.injector.get(RowMemoryService));
    return {
      summary: overwrittenSummary(changes.length),
      notices: overwrittenNotices(changes, {
        locale: this.locale,
        lastKnown: (modelName, id) => memory.lastKnown(modelName, id),
      }),
    };
  });

  protected dismissOverwritten(): void {
    this.sync.clearOverwritten();
  }

  protected readonly lastSynced = computed(() => {
    const iso = this.status().lastSyncedAt;
    if (!iso) {
      return null;
    }
    const date = new Date(iso);
    const sameDay = date.toDateString() === new Date().toDateString();
    const text = new Intl.DateTimeFormat(
      this.locale,
      sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
    ).format(date);
    return { iso, text };
  });
}
