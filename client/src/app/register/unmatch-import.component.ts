import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { Transaction } from '@finwise/domain';
import { MoneyPipe } from '../shared/money/money.pipe';
import { ImportUnmatch, type UnmatchPlan } from './import-unmatch.service';

type UnmatchState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'preparing' }
  | { readonly kind: 'confirming'; readonly plan: UnmatchPlan }
  | { readonly kind: 'writing'; readonly plan: UnmatchPlan };

let nextUnmatchId = 0;

/**
 * Offers to undo an import's match of a hand-typed row (research D7) and, before anything is
 * written, says what will happen: the entry goes back to what the user typed, and the bank line
 * comes back as a transaction of its own.
 */
@Component({
  selector: 'fw-unmatch-import',
  imports: [MoneyPipe],
  templateUrl: './unmatch-import.component.html',
  styleUrl: './unmatch-import.component.css',
  host: { '(keydown.escape)': 'onEscape($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnmatchImportComponent {
  /** The matched row as it is now (`canUnmatch`). */
  readonly transaction = input.required<Transaction>();
  readonly currency = input('EUR');
  /** Written: the editor closes. */
  readonly unmatched = output<void>();

  private readonly unmatch = inject(ImportUnmatch);
  private readonly injector = inject(Injector);
  protected readonly id = `unmatch-${++nextUnmatchId}`;
  protected readonly title = computed(() => {
    const bankText = this.transaction().importedPayee;
    return `Matched to a bank line by an import${bankText ? `. Bank text: “${bankText}”` : ''}`;
  });
  protected readonly state = signal<UnmatchState>({ kind: 'idle' });
  protected readonly error = signal<string | null>(null);
  private readonly question = viewChild<ElementRef<HTMLElement>>('question');
  private readonly openButton = viewChild<ElementRef<HTMLButtonElement>>('openButton');

  protected async ask(): Promise<void> {
    this.error.set(null);
    this.state.set({ kind: 'preparing' });
    try {
      const plan = await this.unmatch.plan(this.transaction());
      this.state.set({ kind: 'confirming', plan });
      afterNextRender(() => this.question()?.nativeElement.focus(), { injector: this.injector });
    } catch (error) {
      this.state.set({ kind: 'idle' });
      this.error.set(messageOf(error));
    }
  }

  protected async confirm(plan: UnmatchPlan): Promise<void> {
    this.error.set(null);
    this.state.set({ kind: 'writing', plan });
    try {
      await this.unmatch.apply(plan);
      this.state.set({ kind: 'idle' });
      this.unmatched.emit();
    } catch (error) {
      this.state.set({ kind: 'confirming', plan });
      this.error.set(messageOf(error));
    }
  }

  protected cancel(): void {
    this.state.set({ kind: 'idle' });
    afterNextRender(() => this.openButton()?.nativeElement.focus(), { injector: this.injector });
  }

  /** Escape answers the question; only without one does it close the editor. */
  protected onEscape(event: Event): void {
    if (this.state().kind === 'confirming') {
      event.preventDefault();
      this.cancel();
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Unmatching failed. Please try again.';
}
