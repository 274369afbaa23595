import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { SyncClientService } from '../../data/sync-client/sync-client.service';
import { USER_LOCALE } from '../../shared/locale';
import { describeChange, describeReason } from './rejection-description';
import { RowMemoryService } from './row-memory.service';

/**
 * One notice per change the server refused: the change was rolled back on this device, so the
 * user must learn which row it was, what was lost and why.
 */
@Component({
  selector: 'fw-rejection-notices',
  templateUrl: './rejection-notices.component.html',
  styleUrl: './rejection-notices.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RejectionNoticesComponent {
  private readonly sync = inject(SyncClientService);
  private readonly memory = inject(RowMemoryService);
  private readonly locale = inject(USER_LOCALE);
  private readonly dismissed = signal<ReadonlySet<string>>(new Set());

  protected readonly notices = computed(() =>
    this.sync
      .status()
      .rejections.filter((rejection) => !this.dismissed().has(rejection.mutationId))
      .map((rejection) => ({
        id: rejection.mutationId,
        what: describeChange(rejection, {
          locale: this.locale,
          lastKnown: (modelName, id) => this.memory.lastKnown(modelName, id),
        }),
        why: describeReason(rejection),
      })),
  );

  protected dismiss(mutationId: string): void {
    this.dismissed.update((ids) => new Set([...ids, mutationId]));
    if (this.notices().length === 0) {
      this.dismissAll();
    }
  }

  protected dismissAll(): void {
    this.sync.clearRejections();
    this.dismissed.set(new Set());
  }
}
