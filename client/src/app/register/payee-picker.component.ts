import {
  ChangeDetectionStrategy,
  Component,
  computed,
  forwardRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NG_VALUE_ACCESSOR, type ControlValueAccessor } from '@angular/forms';
import { PayeesViewStore } from '../data/views/payees-view.store';
import { payeeOptions, type PayeeOption } from './payee-options';

/**
 * The payee field: free text with a list of the household's payees as the user types (the
 * ARIA combobox pattern, list autocomplete with manual selection). Arrow keys move through the
 * list, Enter picks, Escape closes it; a name that is new is offered as "Create". Everything
 * is read from local data, so it works offline.
 */
@Component({
  selector: 'fw-payee-picker',
  templateUrl: './payee-picker.component.html',
  styleUrl: './payee-picker.component.css',
  providers: [
    {
      provide: NG_VALUE_ACCESSOR,
      useExisting: forwardRef(() => PayeePickerComponent),
      multi: true,
    },
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PayeePickerComponent implements ControlValueAccessor {
  private readonly payees = inject(PayeesViewStore);

  /** Id of the text input, for the label outside. */
  readonly inputId = input.required<string>();
  readonly describedBy = input<string | null>(null);
  readonly invalid = input(false);
  /** The user settled on a payee: picked from the list, or left the field after typing. */
  readonly chosen = output<string>();

  protected readonly text = signal('');
  protected readonly open = signal(false);
  protected readonly active = signal(-1);
  protected readonly disabled = signal(false);
  protected readonly listId = computed(() => `${this.inputId()}-list`);
  protected readonly options = computed(() => payeeOptions(this.payees.index(), this.text()));
  protected readonly expanded = computed(() => this.open() && this.options().length > 0);
  protected readonly activeId = computed(() => {
    const option = this.expanded() ? this.options()[this.active()] : undefined;
    return option ? this.optionId(option) : null;
  });

  private onChange: (value: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  writeValue(value: string | null): void {
    this.text.set(value ?? '');
    this.open.set(false);
  }

  registerOnChange(fn: (value: string) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected optionId(option: PayeeOption): string {
    return `${this.inputId()}-option-${option.id}`;
  }

  protected typed(value: string): void {
    this.text.set(value);
    this.onChange(value);
    this.open.set(true);
    this.active.set(-1);
  }

  protected keydown(event: KeyboardEvent): void {
    const count = this.options().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.expanded()) {
          this.open.set(true);
          this.active.set(event.altKey ? -1 : 0);
        } else if (count > 0) {
          this.active.set((this.active() + 1) % count);
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!this.expanded()) {
          this.open.set(true);
          this.active.set(count - 1);
        } else if (count > 0) {
          this.active.set(this.active() <= 0 ? count - 1 : this.active() - 1);
        }
        break;
      case 'Enter': {
        const option = this.expanded() ? this.options()[this.active()] : undefined;
        // Enter on a highlighted option picks it; otherwise it submits the form as usual.
        if (option) {
          event.preventDefault();
          this.pick(option);
        }
        break;
      }
      case 'Escape':
        // An open list closes first; the editor around only sees Escape when nothing is open.
        if (this.expanded()) {
          event.preventDefault();
          this.open.set(false);
          this.active.set(-1);
        }
        break;
    }
  }

  protected pick(option: PayeeOption): void {
    this.text.set(option.name);
    this.onChange(option.name);
    this.open.set(false);
    this.active.set(-1);
    this.chosen.emit(option.name);
  }

  protected blurred(): void {
    this.onTouched();
    this.open.set(false);
    this.active.set(-1);
  }

  /** The native change event: the user typed a name and left the field. */
  protected changed(): void {
    this.chosen.emit(this.text());
  }

  /**
   * A pointer picks on press, keeping focus in the input (the combobox pattern: options are
   * never focused; keyboard users reach them through the input's arrow keys).
   */
  protected pickWithPointer(event: Event, option: PayeeOption): void {
    event.preventDefault();
    this.pick(option);
  }
}
