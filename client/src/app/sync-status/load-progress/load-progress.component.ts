import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { SyncClientService } from '../../data/sync-client/sync-client.service';

/** The progress bar of a household's first load onto this device. */
@Component({
  selector: 'fw-load-progress',
  template: `
    @if (progress(); as progress) {
      <div class="load">
        <label class="load__label" for="initial-load-progress">
          Loading your household onto this device… {{ progress.loaded }} of {{ progress.total }}
        </label>
        <progress
          id="initial-load-progress"
          class="load__bar"
          [value]="progress.loaded"
          [max]="progress.total"
        >
          {{ progress.percent }}%
        </progress>
      </div>
    }
  `,
  styles: `
    .load {
      display: grid;
      gap: 0.25rem;
      padding: 0.5rem var(--fw-space);
      background: var(--fw-color-surface);
      border-bottom: 1px solid var(--fw-color-border);
      font-size: 0.875rem;
    }
    .load__bar {
      width: 100%;
      height: 0.5rem;
      accent-color: var(--fw-color-brand);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadProgressComponent {
  private readonly status = inject(SyncClientService).status;

  protected readonly progress = computed(() => {
    const { loaded, total } = this.status().initialLoad;
    return total > 0 && loaded < total
      ? { loaded, total, percent: Math.floor((loaded / total) * 100) }
      : null;
  });
}
