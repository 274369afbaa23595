import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { UndoService } from '../../data/undo/undo.service';

/** Where Ctrl+Z / Cmd+Z belongs to the field being typed in, not to the last change. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
    target.type,
  );
}

/**
 * The Undo offer of the last change: a polite live region (announced, never focused), its Undo
 * button in the tab order, and Ctrl+Z / Cmd+Z while it shows and focus is not in a text field.
 */
@Component({
  selector: 'fw-undo-toast',
  template: `
    <div class="undo-toast__region" role="status" aria-live="polite" aria-atomic="true">
      @if (undo.offer(); as offer) {
        <div class="undo-toast">
          <span class="undo-toast__message">{{ offer.message }}</span>
          <button
            type="button"
            class="fw-button fw-button--secondary fw-button--small undo-toast__undo"
            aria-keyshortcuts="Control+Z Meta+Z"
            (click)="undoNow()"
          >
            Undo
          </button>
        </div>
      }
    </div>
  `,
  styleUrl: './undo-toast.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UndoToastComponent {
  protected readonly undo = inject(UndoService);

  constructor() {
    const document = inject(DOCUMENT);
    const onKey = (event: KeyboardEvent) => {
      const isUndoKey =
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === 'z';
      if (!isUndoKey || !this.undo.offer() || isTextEntry(event.target)) return;
      event.preventDefault();
      this.undoNow();
    };
    document.addEventListener('keydown', onKey);
    inject(DestroyRef).onDestroy(() => document.removeEventListener('keydown', onKey));
  }

  protected undoNow(): void {
    this.undo.undo().catch((error: unknown) => console.error('Undo failed', error));
  }
}
