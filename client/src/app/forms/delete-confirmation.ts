import { signal } from '@angular/core';

/** How long an armed delete waits for its confirmation before it disarms itself. */
const DELETE_CONFIRM_MS = 5000;

/**
 * Two-step delete for one row at a time: the first press arms, a second press deletes. An armed
 * delete disarms after a few seconds, on Cancel, or when focus leaves its buttons, so a stray
 * tap minutes later cannot delete anything.
 */
export class DeleteConfirmation {
  private readonly armedId = signal<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** The id awaiting confirmation, or null. */
  readonly armed = this.armedId.asReadonly();

  constructor(private readonly timeoutMs = DELETE_CONFIRM_MS) {}

  isArmed(id: string): boolean {
    return this.armedId() === id;
  }

  /** Arms `id` (returns false) or, when it is armed already, disarms and returns true: delete now. */
  confirm(id: string): boolean {
    if (this.armedId() === id) {
      this.disarm();
      return true;
    }
    this.arm(id);
    return false;
  }

  disarm(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.armedId.set(null);
  }

  /** For `focusout` of the group holding Delete and Cancel: leaving the group disarms. */
  disarmOnLeave(event: FocusEvent): void {
    const group = event.currentTarget;
    const next = event.relatedTarget;
    if (group instanceof Node && next instanceof Node && group.contains(next)) {
      return;
    }
    this.disarm();
  }

  private arm(id: string): void {
    this.disarm();
    this.armedId.set(id);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.armedId.set(null);
    }, this.timeoutMs);
  }
}
