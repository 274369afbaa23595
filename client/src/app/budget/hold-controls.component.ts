import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { MonthBudget } from '@finwise/finance';
import { USER_LOCALE } from '../shared/locale';
import { formatMoneyForInput } from '../shared/money/format-money';
import { MoneyPipe } from '../shared/money/money.pipe';
import { BudgetActions } from './budget-actions';
import { readPositiveAmount } from './budget-amount';

type Mode = 'hold' | 'release';

/**
 * Hold money for next month or release held money: one small form each, opened from a button,
 * prefilled with the most the action can take (the library clamps to it anyway).
 */
@Component({
  selector: 'fw-hold-controls',
  imports: [MoneyPipe],
  templateUrl: './hold-controls.component.html',
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .hold-form {
      display: grid;
      gap: 0.5rem;
      max-width: 20rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HoldControlsComponent {
  private readonly actions = inject(BudgetActions);
  private readonly locale = inject(USER_LOCALE);
  private readonly injector = inject(Injector);
  private readonly amountField = viewChild<ElementRef<HTMLInputElement>>('amountField');
  private readonly holdButton = viewChild<ElementRef<HTMLButtonElement>>('holdButton');
  private readonly releaseButton = viewChild<ElementRef<HTMLButtonElement>>('releaseButton');

  readonly budget = input.required<MonthBudget>();

  protected readonly mode = signal<Mode | null>(null);
  protected readonly amountText = signal('');
  protected readonly error = signal<string | null>(null);
  /** The most the open form can move: what is left to budget, or what is held. */
  protected readonly limit = computed(() =>
    this.mode() === 'release' ? this.budget().held : Math.max(this.budget().toBudget, 0),
  );

  protected open(mode: Mode): void {
    this.mode.set(mode);
    // Most holds and releases are "all of it": offer that, selected so typing replaces it.
    this.amountText.set(formatMoneyForInput(this.limit(), this.budget().currency, this.locale));
    this.error.set(null);
    afterNextRender(
      () => {
        this.amountField()?.nativeElement.focus();
        this.amountField()?.nativeElement.select();
      },
      { injector: this.injector },
    );
  }

  protected close(): void {
    const closed = this.mode();
    this.mode.set(null);
    afterNextRender(
      () =>
        (closed === 'release' ? this.releaseButton() : this.holdButton())?.nativeElement.focus(),
      { injector: this.injector },
    );
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const budget = this.budget();
    const parsed = readPositiveAmount(this.amountText(), budget.currency, this.locale);
    if (!parsed.ok) {
      this.error.set(parsed.error);
      return;
    }
    this.error.set(null);
    const done =
      this.mode() === 'release'
        ? await this.actions.release(budget, parsed.minor)
        : await this.actions.hold(budget, parsed.minor);
    if (done) this.close();
  }
}
