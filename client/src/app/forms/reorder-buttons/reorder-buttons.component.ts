import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** A press of a reorder button; `keepFocus` is called once the row has moved. */
export interface ReorderRequest {
  direction: -1 | 1;
  /**
   * Puts focus back on the pressed button. A moved row's elements are taken out of the page
   * and put back, which drops their focus; a keyboard user pressing ↓ three times expects to
   * stay on ↓.
   */
  keepFocus(): void;
}

/** ↑ and ↓ buttons that move one row of a sorted list up or down. */
@Component({
  selector: 'fw-reorder-buttons',
  template: `
    <button
      #up
      type="button"
      class="fw-button fw-button--secondary fw-button--small"
      [disabled]="!canMoveUp()"
      (click)="press(-1, up)"
    >
      ↑<span class="visually-hidden">Move {{ name() }} up</span>
    </button>
    <button
      #down
      type="button"
      class="fw-button fw-button--secondary fw-button--small"
      [disabled]="!canMoveDown()"
      (click)="press(1, down)"
    >
      ↓<span class="visually-hidden">Move {{ name() }} down</span>
    </button>
  `,
  // The buttons sit in their row's action bar as if written there (its gaps, its wrapping).
  host: { style: 'display: contents' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReorderButtonsComponent {
  /** What moves, as the buttons' accessible names say it: "Giro", "group Everyday". */
  readonly name = input.required<string>();
  readonly canMoveUp = input(false);
  readonly canMoveDown = input(false);
  readonly move = output<ReorderRequest>();

  protected press(direction: -1 | 1, button: HTMLButtonElement): void {
    this.move.emit({
      direction,
      keepFocus: () => queueMicrotask(() => button.isConnected && button.focus()),
    });
  }
}
