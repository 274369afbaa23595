import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { SyncedEntityDefinition } from '@finwise/domain';
import type { RowHistory } from '@finwise/sync-protocol';
import { ApiError } from '../../data/api/api-error';
import { ReferenceNames } from '../../data/history/reference-names.service';
import {
  HISTORY_MAX,
  HISTORY_PAGE,
  RowHistoryService,
} from '../../data/history/row-history.service';
import { SyncClientService } from '../../data/sync-client/sync-client.service';
import { USER_LOCALE } from '../../shared/locale';
import { errorMessage } from '../error-message';
import { historyView, type HistoryFieldView, type RestoreChoice } from './history-view';

/** What restoring writes through: the entity's store (an ordinary, synced update). */
export interface HistoryRestoreTarget {
  update(id: string, patch: Record<string, unknown>): Promise<unknown>;
}

/** How long a restore waits for its change to reach the server before the panel reloads. */
const RESTORE_SYNC_WAIT_MS = 10_000;

type PanelState =
  | { kind: 'offline' }
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; history: RowHistory };

let nextPanelId = 0;

/**
 * A row's change history as the server recorded it (FINANCE §6): who changed what, when and
 * from which device, with values last-writer-wins dropped and changes made without seeing the
 * value they replaced marked; such a value can be restored with an ordinary update.
 */
@Component({
  selector: 'fw-history-panel',
  templateUrl: './history-panel.component.html',
  styleUrl: './history-panel.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryPanelComponent {
  private readonly history = inject(RowHistoryService);
  private readonly names = inject(ReferenceNames);
  private readonly sync = inject(SyncClientService);
  private readonly locale = inject(USER_LOCALE);
  private readonly injector = inject(Injector);

  readonly entity = input.required<SyncedEntityDefinition>();
  readonly rowId = input.required<string>();
  readonly store = input.required<HistoryRestoreTarget>();
  /** The row as it is now (null when deleted): values it already holds are not offered again. */
  readonly current = input<object | null>(null);
  /** Currency of each money field, e.g. `{ amountMinor: 'EUR' }`. */
  readonly currencies = input<Readonly<Record<string, string>>>({});
  readonly closed = output<void>();

  protected readonly id = `history-${++nextPanelId}`;
  protected readonly state = signal<PanelState>({ kind: 'loading' });
  /** What the last restore did, for the live region. */
  protected readonly notice = signal('');
  protected readonly restoring = signal<string | null>(null);
  private readonly reloads = signal(0);
  /** How many of the newest changes are asked for; "Show older changes" raises it. */
  protected readonly limit = linkedSignal<string, number>({
    source: () => this.rowId(),
    computation: () => HISTORY_PAGE,
  });
  protected readonly maxLimit = HISTORY_MAX;
  /** The server may hold more than was shown: the answer filled the whole page. */
  protected readonly mayHaveOlder = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' && state.history.items.length >= this.limit();
  });
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private loadSeq = 0;

  protected readonly online = computed(() => this.sync.status().online);
  protected readonly pending = computed(() => this.sync.status().pendingCount > 0);
  protected readonly entries = computed(() => {
    const state = this.state();
    if (state.kind !== 'loaded') return [];
    return historyView(state.history, {
      entity: this.entity(),
      locale: this.locale,
      currencies: this.currencies(),
      thisDevice: this.sync.clientId(),
      nameOf: (id) => this.names.nameOf(id),
      current: this.current() as Readonly<Record<string, unknown>> | null,
    });
  });

  constructor() {
    // Loads when opened, for another row, on Refresh, and when the connection comes back.
    effect(() => {
      const modelName = this.entity().modelName;
      const rowId = this.rowId();
      const online = this.online();
      const limit = this.limit();
      this.reloads();
      untracked(() => {
        if (online) void this.load(modelName, rowId, limit);
        else if (this.state().kind !== 'loaded') {
          this.loadSeq += 1;
          this.state.set({ kind: 'offline' });
        }
      });
    });
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  /** Asks for as many changes as the server hands out for one row. */
  protected showOlder(): void {
    this.limit.set(HISTORY_MAX);
  }

  protected restoreKey(entryKey: string, field: HistoryFieldView): string {
    return `${entryKey}:${field.field}`;
  }

  /** Writes the value back like any edit (stored, queued, synced), then shows the new history. */
  protected async restore(key: string, label: string, choice: RestoreChoice): Promise<void> {
    if (this.restoring()) return;
    this.restoring.set(key);
    this.notice.set('');
    try {
      await this.store().update(this.rowId(), { [choice.field]: choice.value });
      this.notice.set(`${label} is ${choice.text} again.`);
    } catch (error) {
      this.notice.set(`Could not restore ${label}: ${errorMessage(error)}`);
      this.restoring.set(null);
      return;
    }
    // The history is the server's: wait (a little) for the change to get there.
    await this.sync
      .client()
      ?.flush(RESTORE_SYNC_WAIT_MS)
      .catch(() => undefined);
    this.restoring.set(null);
    this.reload();
    // The pressed button goes away with the value now current; focus stays in the panel.
    afterNextRender(() => this.heading()?.nativeElement.focus(), { injector: this.injector });
  }

  private async load(modelName: string, rowId: string, limit: number): Promise<void> {
    const seq = ++this.loadSeq;
    if (this.state().kind !== 'loaded') this.state.set({ kind: 'loading' });
    try {
      const history = await this.history.load(modelName, rowId, limit);
      if (seq !== this.loadSeq) return;
      this.state.set(
        history.items.length === 0 ? { kind: 'missing' } : { kind: 'loaded', history },
      );
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.state.set(
        error instanceof ApiError && error.status === 404
          ? { kind: 'missing' }
          : { kind: 'failed', message: errorMessage(error) },
      );
    }
  }
}
