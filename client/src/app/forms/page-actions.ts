import { signal } from '@angular/core';
import { errorMessage } from './error-message';

/**
 * What a page does on a click (move, hide, delete), and the one message saying the last of it
 * failed: the page stays usable, the message stands until the next action.
 */
export class PageActions {
  private readonly errorState = signal<string | null>(null);

  readonly error = this.errorState.asReadonly();

  async run(action: () => Promise<unknown>): Promise<void> {
    this.errorState.set(null);
    try {
      await action();
    } catch (error) {
      this.errorState.set(errorMessage(error));
    }
  }

  /** Shows why an action was not even tried (a name the schema refuses). */
  fail(message: string): void {
    this.errorState.set(message);
  }

  clear(): void {
    this.errorState.set(null);
  }
}

/**
 * One update per row, one after another: each becomes its own mutation, and the outbox keeps
 * them in this order (moving accounts out of a group before deleting the group).
 */
export async function updateEach<Patch extends object>(
  store: { update(id: string, patch: Patch): Promise<unknown> },
  changes: readonly (Patch & { id: string })[],
): Promise<void> {
  for (const { id, ...patch } of changes) {
    await store.update(id, patch as unknown as Patch);
  }
}

/**
 * Deletes rows one after another, in the order given: dependents first (split lines before
 * their transaction, transactions before their account), so no device ever holds a row
 * pointing at one already deleted.
 */
export async function removeEach(
  store: { remove(id: string): Promise<void> },
  ids: readonly string[],
): Promise<void> {
  for (const id of ids) {
    await store.remove(id);
  }
}
