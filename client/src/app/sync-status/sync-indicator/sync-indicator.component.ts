import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { SyncClientService } from '../../data/sync-client/sync-client.service';
import { USER_LOCALE } from '../../shared/locale';

/** Always-visible sync state: connection, changes waiting to be sent, and the last exchange. */
@Component({
  selector: 'fw-sync-indicator',
  templateUrl: './sync-indicator.component.html',
  styleUrl: './sync-indicator.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SyncIndicatorComponent {
  private readonly sync = inject(SyncClientService);
  private readonly locale = inject(USER_LOCALE);

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
