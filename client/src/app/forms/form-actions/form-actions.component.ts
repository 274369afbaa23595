import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** The buttons that end a form: submit, and Cancel where the form can be left unsaved. */
@Component({
  selector: 'fw-form-actions',
  template: `
    <button
      type="submit"
      class="fw-button"
      [class.fw-button--small]="small()"
      [disabled]="saving()"
    >
      {{ submitLabel() }}
    </button>
    @if (cancellable()) {
      <button
        type="button"
        class="fw-button fw-button--secondary"
        [class.fw-button--small]="small()"
        (click)="cancelled.emit()"
      >
        Cancel
      </button>
    }
  `,
  host: { class: 'form-actions' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormActionsComponent {
  readonly submitLabel = input.required<string>();
  readonly saving = input(false);
  readonly cancellable = input(true);
  /** The compact buttons of forms inside a list row. */
  readonly small = input(false);
  readonly cancelled = output();
}
