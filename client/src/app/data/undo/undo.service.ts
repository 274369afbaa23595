import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, Injectable, InjectionToken, signal } from '@angular/core';
import type { FinanceMutation } from '@finwise/finance';
import { FinanceWrites } from '../finance-writes/finance-writes.service';
import { SyncClientService } from '../sync-client/sync-client.service';
import { HeldDeletes, type RowRef } from '../held-deletes/held-deletes';
import { undoMutations } from './undo-plan';

/** How long the Undo offer stays (ms); a held delete is written when it ends. */
export const UNDO_WINDOW_MS = new InjectionToken<number>('UNDO_WINDOW_MS', {
  factory: () => 6000,
});

export interface UndoOffer {
  /** Changes with every new offer, so a view can tell two offers with the same text apart. */
  readonly id: number;
  readonly message: string;
}

type Pending =
  | { kind: 'edit'; offer: UndoOffer; undo: FinanceMutation[] }
  | { kind: 'delete'; offer: UndoOffer; rows: readonly RowRef[] };

/**
 * Undo for the last change, one at a time. An edit is written at once and undone by writing the
 * previous values (ordinary mutations). A delete cannot be undone once sent (a tombstone is
 * final), so it is held on this device for the offer's few seconds: its rows are hidden, Undo
 * shows them again, and only when the offer ends — timeout, a newer change, or the page being
 * hidden or closed — does the delete enter the outbox. Works offline: nothing here waits for the
 * server.
 */
@Injectable({ providedIn: 'root' })
export class UndoService {
  private readonly writes = inject(FinanceWrites);
  private readonly held = inject(HeldDeletes);
  private readonly windowMs = inject(UNDO_WINDOW_MS);
  private readonly offerState = signal<UndoOffer | null>(null);
  private pending: Pending | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;

  /** The change that can be undone now, or null. */
  readonly offer = this.offerState.asReadonly();

  constructor() {
    const document = inject(DOCUMENT);
    const window = document.defaultView;
    // A closed or backgrounded tab may never run its timer: the held delete is written now.
    const commitNow = () => void this.commit();
    const commitWhenHidden = () => {
      if (document.visibilityState === 'hidden') commitNow();
    };
    window?.addEventListener('pagehide', commitNow);
    document.addEventListener('visibilitychange', commitWhenHidden);
    // Signing out stops the client: a held delete is written before that, not lost.
    const stopSignOutHook = inject(SyncClientService).whenSigningOut(() => this.commit());
    inject(DestroyRef).onDestroy(() => {
      stopSignOutHook();
      window?.removeEventListener('pagehide', commitNow);
      document.removeEventListener('visibilitychange', commitWhenHidden);
      void this.commit();
    });
  }

  /** Writes an edit (the mutations in order) and offers to put the previous values back. */
  async edit(message: string, mutations: readonly FinanceMutation[]): Promise<void> {
    await this.record(message, mutations, () => this.writes.apply(mutations));
  }

  /**
   * Like `edit`, for an edit written another way (a store's `update`, which returns the saved
   * row): `mutations` describe what `write` changes, so the previous values can be read first.
   */
  async record<T>(
    message: string,
    mutations: readonly FinanceMutation[],
    write: () => Promise<T>,
  ): Promise<T> {
    const undo = undoMutations(mutations, (modelName, id) => this.writes.row(modelName, id));
    const result = await write();
    if (undo.length > 0) {
      await this.offerNew({ kind: 'edit', offer: this.newOffer(message), undo });
    }
    return result;
  }

  /** Hides the rows now and deletes them when the offer ends, unless undone. */
  async delete(message: string, rows: readonly RowRef[]): Promise<void> {
    if (rows.length === 0) return;
    this.held.hold(rows);
    await this.offerNew({ kind: 'delete', offer: this.newOffer(message), rows });
  }

  /** Takes the change back: a held delete is dropped, an edit's previous values are written. */
  async undo(): Promise<void> {
    const pending = this.take();
    if (!pending) return;
    if (pending.kind === 'delete') {
      this.held.release(pending.rows);
    } else {
      await this.writes.applyTogether(pending.undo);
    }
  }

  /** Ends the offer: a held delete is written (one batch), an edit simply stays. */
  async commit(): Promise<void> {
    const pending = this.take();
    if (pending?.kind !== 'delete') return;
    try {
      await this.writes.applyTogether(
        pending.rows.map(({ modelName, id }) => ({
          modelName,
          operation: 'delete' as const,
          data: { id },
        })),
      );
    } catch (error) {
      // Nothing was written (one transaction): the rows show again rather than vanish unsaved.
      console.error('Writing a delete failed', error);
    } finally {
      this.held.release(pending.rows);
    }
  }

  private async offerNew(pending: Pending): Promise<void> {
    await this.commit();
    this.pending = pending;
    this.offerState.set(pending.offer);
    this.timer = setTimeout(() => void this.commit(), this.windowMs);
  }

  private take(): Pending | null {
    const pending = this.pending;
    this.pending = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.offerState.set(null);
    return pending;
  }

  private newOffer(message: string): UndoOffer {
    return { id: this.nextId++, message };
  }
}
