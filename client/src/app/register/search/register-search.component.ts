import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  linkedSignal,
  model,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { activeFilterCount, EMPTY_REGISTER_QUERY, type RegisterQuery } from './register-query';

/** Keystrokes closer together than this are one search: typing "12.50" searches once. */
export const SEARCH_DEBOUNCE_MS = 150;

/**
 * The register's search box and filters. `/` anywhere on the page (outside a field) focuses the
 * box, Escape in it clears it. The typed text reaches the query after a short pause; clearing
 * and the filters apply at once. On a phone the filters fold into a "Filters" disclosure.
 */
@Component({
  selector: 'fw-register-search',
  templateUrl: './register-search.component.html',
  styleUrl: './register-search.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onDocumentKey($event)' },
})
export class RegisterSearchComponent {
  readonly query = model<RegisterQuery>(EMPTY_REGISTER_QUERY);
  /** The box got focus: a good moment to build what the search reads, before the first key. */
  readonly activated = output<void>();

  /** What the box shows; follows the query when it is cleared from outside. */
  protected readonly text = linkedSignal(() => this.query().text);
  protected readonly filtersOpen = signal(false);
  protected readonly filterCount = computed(() => activeFilterCount(this.query()));
  protected readonly rangeReversed = computed(() => {
    const { from, to } = this.query();
    return from !== '' && to !== '' && from > to;
  });
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.pending));
  }

  protected typed(value: string): void {
    this.text.set(value);
    clearTimeout(this.pending);
    if (value.trim() === '') {
      this.applyText(value);
    } else {
      this.pending = setTimeout(() => this.applyText(value), SEARCH_DEBOUNCE_MS);
    }
  }

  protected onEscape(event: Event): void {
    if (this.text() !== '') {
      // Only the search: a surrounding editor or dialog must not close as well.
      event.preventDefault();
      event.stopPropagation();
      this.typed('');
    }
  }

  protected setFlag(name: 'uncleared' | 'uncategorized', value: boolean): void {
    this.changeFilters((query) => ({ ...query, [name]: value }));
  }

  protected setDate(name: 'from' | 'to', value: string): void {
    this.changeFilters((query) => ({ ...query, [name]: value }));
  }

  protected clearFilters(): void {
    this.changeFilters((query) => ({ ...EMPTY_REGISTER_QUERY, text: query.text }));
  }

  /** Text still waiting for its pause goes along, or the box would show the old text meanwhile. */
  private changeFilters(change: (query: RegisterQuery) => RegisterQuery): void {
    clearTimeout(this.pending);
    this.pending = undefined;
    const text = this.text();
    this.query.update((query) => change({ ...query, text }));
  }

  protected onDocumentKey(event: KeyboardEvent): void {
    if (
      event.key !== '/' ||
      event.defaultPrevented ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      isTypingTarget(event.target)
    ) {
      return;
    }
    event.preventDefault();
    this.box().nativeElement.focus();
    this.box().nativeElement.select();
  }

  private applyText(text: string): void {
    this.pending = undefined;
    this.query.update((query) => ({ ...query, text }));
  }
}

/** Whether a key went to something that takes text: `/` is then a character, not a shortcut. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) {
    return true;
  }
  if (target instanceof HTMLSelectElement) {
    return true;
  }
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}
